package app.segmenta.assistant;

import app.segmenta.catalog.ConceptRef;
import app.segmenta.catalog.CustomerProfile;
import app.segmenta.segmentation.Segment;
import app.segmenta.segmentation.Segmentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Which segment a customer is in, and which of the segment's distinguishing facts are theirs. */
final class Memberships {

    private Memberships() {
    }

    static Turn.Membership of(Segmentation s, CustomerProfile p) {
        for (Segment seg : s.segments()) {
            if (seg.customers().contains(p.id())) {
                return new Turn.Membership(s.id(), seg.number(), seg.label(), reasons(seg, p));
            }
        }
        boolean unassigned = s.unassigned() != null && s.unassigned().contains(p.id());
        return new Turn.Membership(s.id(), null, null, List.of(unassigned
                ? "Left unassigned: too far from every segment's centre for the clustering to place."
                : "Not in this segmentation's audience."));
    }

    private static List<String> reasons(Segment seg, CustomerProfile p) {
        List<String> out = new ArrayList<>();
        Set<String> categories = p.categories().stream().map(ConceptRef::iri).collect(Collectors.toSet());
        for (Segment.Lift c : seg.categories()) {
            if (categories.contains(c.iri())) {
                out.add(String.format(Locale.ROOT, "Reviewed %s, which %d%% of the segment did (%.1f× the audience).",
                        c.label(), Math.round(c.share() * 100), c.lift()));
            }
        }
        if (seg.addedLater().contains(p.id())) {
            out.add("Joined the audience after the segmentation ran and was placed in the nearest segment.");
        }
        if (out.isEmpty()) {
            out.add("Nearest to this segment's centre in review meaning, categories, complaints and ratings taken together.");
        }
        return out;
    }
}

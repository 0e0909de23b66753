package app.segmenta.segmentation;

import app.segmenta.text.Counts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Labels, descriptions and personas put together from the computed facts, with no model: the most over-represented
 * category and aspect, else the rating, else the distinctive terms. Labels within a segmentation are made distinct.
 */
public final class TemplateWriter implements SegmentDescriber {

    @Override
    public List<Segment> describe(DescribeContext context, List<Segment> segments) {
        Set<String> used = new HashSet<>();
        List<Segment> out = new ArrayList<>();
        for (Segment s : segments) {
            String label = distinct(label(s), s, used);
            out.add(s.withWords(label, description(s), TemplatePersonas.write(s)));
        }
        return out;
    }

    static String label(Segment s) {
        String who = s.categories().isEmpty() ? "Customers" : s.categories().getFirst().label() + " buyers";
        if (!s.aspects().isEmpty()) {
            Segment.Lift a = s.aspects().getFirst();
            String aspect = a.label().toLowerCase(Locale.ROOT);
            return who + ("negative".equals(a.polarity()) ? " who complain about " : " who praise ") + aspect;
        }
        Double mean = s.ratings().mean();
        if (mean != null && mean <= 2.5) {
            return "Unhappy " + lower(who);
        }
        if (mean != null && mean >= 4.6) {
            return "Delighted " + lower(who);
        }
        if (!s.categories().isEmpty()) {
            return who;
        }
        return s.terms().isEmpty() ? "Segment " + s.number() : "Customers who write about " + String.join(", ",
                s.terms().subList(0, Math.min(2, s.terms().size())));
    }

    private static String lower(String who) {
        return who.equals("Customers") ? "customers" : who;
    }

    private static String distinct(String label, Segment s, Set<String> used) {
        String candidate = label;
        for (String term : s.terms()) {
            if (!used.contains(candidate.toLowerCase(Locale.ROOT))) {
                break;
            }
            candidate = label + " (" + term + ")";
        }
        if (used.contains(candidate.toLowerCase(Locale.ROOT))) {
            candidate = label + " (segment " + s.number() + ")";
        }
        used.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }

    static String description(Segment s) {
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "%s (%s of the audience).", Counts.of(s.size(), "customer"), percent(s.share())));
        for (Segment.Lift c : s.categories().subList(0, Math.min(2, s.categories().size()))) {
            parts.add(String.format(Locale.ROOT, "%s reviewed %s (%.1f× the audience).", percent(c.share()), c.label(), c.lift()));
        }
        for (Segment.Lift a : s.aspects().subList(0, Math.min(2, s.aspects().size()))) {
            parts.add(String.format(Locale.ROOT, "%s %s %s (%.1f× the audience).", percent(a.share()),
                    "negative".equals(a.polarity()) ? "complain about" : "praise", a.label().toLowerCase(Locale.ROOT), a.lift()));
        }
        if (s.ratings().mean() != null) {
            parts.add(String.format(Locale.ROOT, "Mean rating %.1f★ over %s.", s.ratings().mean(), Counts.of(s.ratings().reviews(), "review")));
        }
        if (!s.terms().isEmpty()) {
            parts.add("Words that set them apart: " + String.join(", ", s.terms().subList(0, Math.min(5, s.terms().size()))) + ".");
        }
        return String.join(" ", parts);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}

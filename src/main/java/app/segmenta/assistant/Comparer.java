package app.segmenta.assistant;

import app.segmenta.aspects.Polarity;
import app.segmenta.aspects.ReviewAspects;
import app.segmenta.audience.Audience;
import app.segmenta.catalog.ConceptIndex;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Compares two audiences: overlap, and the aspects whose complaint or praise rates differ most. */
@ApplicationScoped
public class Comparer {

    private static final int DIFFERENCES = 6;

    private final ReviewAspects aspects;
    private final ConceptIndex concepts;

    public Comparer(ReviewAspects aspects, ConceptIndex concepts) {
        this.aspects = aspects;
        this.concepts = concepts;
    }

    public Comparison compare(Criteria firstCriteria, Audience first, Criteria secondCriteria, Audience second) {
        Set<String> a = customers(first);
        Set<String> shared = customers(second);
        shared.retainAll(a);
        Map<String, Map<String, Polarity>> mentions = aspects.mentionsByReview();
        Map<String, double[]> shares = new TreeMap<>();
        tally(first, mentions, shares, 0);
        tally(second, mentions, shares, 1);
        List<Comparison.AspectDifference> diffs = new ArrayList<>();
        shares.forEach((key, s) -> {
            String[] parts = key.split(" ", 2);
            String label = concepts.byIri(parts[0]).map(c -> c.label()).orElse(parts[0]);
            diffs.add(new Comparison.AspectDifference(parts[0], label, parts[1], round(s[0]), round(s[1])));
        });
        diffs.sort(Comparator.comparingDouble((Comparison.AspectDifference d) -> -Math.abs(d.firstShare() - d.secondShare()))
                .thenComparing(Comparison.AspectDifference::aspect));
        return new Comparison(new Comparison.Side(firstCriteria, first.audience().customers(), first.audience().reviews()),
                new Comparison.Side(secondCriteria, second.audience().customers(), second.audience().reviews()),
                shared.size(), List.copyOf(diffs.subList(0, Math.min(DIFFERENCES, diffs.size()))));
    }

    private static void tally(Audience audience, Map<String, Map<String, Polarity>> mentions, Map<String, double[]> shares,
                              int side) {
        long reviews = audience.audience().reviews();
        if (reviews == 0) {
            return;
        }
        for (Audience.Item item : audience.audience().items()) {
            mentions.getOrDefault(item.reviewId(), Map.of()).forEach((aspect, polarity) -> {
                if (polarity != Polarity.NEUTRAL) {
                    shares.computeIfAbsent(aspect + " " + polarity.word(), k -> new double[2])[side] += 1.0 / reviews;
                }
            });
        }
    }

    private static Set<String> customers(Audience a) {
        Set<String> out = new HashSet<>();
        a.audience().items().forEach(i -> out.add(i.customerId()));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

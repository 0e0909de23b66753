package app.segmenta.assistant;

import app.segmenta.aspects.Polarity;
import app.segmenta.aspects.ReviewAspects;
import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptCount;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Questions a first-time user can click, written from what the store holds: its biggest categories and the
 * complaints and praise its reviews voice most. Each one is a question the offline planner reads fully.
 */
@ApplicationScoped
public class Examples {

    /** Customers a category needs before a three-way split of it is suggested (small segments are refused). */
    static final int SPLIT_MIN = 60;

    private final CatalogService catalog;
    private final ReviewAspects aspects;
    private final ConceptIndex concepts;
    private final GraphStore store;
    private volatile Cached cached;

    public Examples(CatalogService catalog, ReviewAspects aspects, ConceptIndex concepts, GraphStore store) {
        this.store = store;
        this.catalog = catalog;
        this.aspects = aspects;
        this.concepts = concepts;
    }

    /** Every page load asks; the store's aspects are scanned again only after a write. */
    public List<String> questions() {
        Cached c = cached;
        long generation = store.generation();
        if (c == null || c.generation() != generation) {
            c = new Cached(generation, write());
            cached = c;
        }
        return c.questions();
    }

    private record Cached(long generation, List<String> questions) {
    }

    private List<String> write() {
        List<ConceptCount> tree = catalog.categoryTree();
        List<ConceptCount> tops = tree.stream().filter(c -> c.broader().isEmpty() && c.reviews() > 0)
                .sorted(Comparator.comparingLong(ConceptCount::reviews).reversed()).toList();
        List<String> top = tops.stream().map(c -> lower(c.label())).toList();
        List<String> big = tops.stream().filter(c -> c.customers() >= SPLIT_MIN).map(c -> lower(c.label())).toList();
        String splittable = big.size() > 1 ? big.get(1) : big.isEmpty() ? null : big.getFirst();
        List<String> second = tree.stream().filter(c -> c.broader().size() == 1 && c.reviews() > 0)
                .filter(c -> tree.stream().anyMatch(p -> p.iri().equals(c.broader().getFirst()) && p.broader().isEmpty()))
                .sorted(Comparator.comparingLong(ConceptCount::reviews).reversed()).map(c -> lower(c.label())).toList();
        if (top.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> complaints = new HashMap<>();
        Map<String, Integer> praise = new HashMap<>();
        aspects.mentionsByReview().values().forEach(m -> m.forEach((aspect, p) -> {
            if (p != Polarity.NEUTRAL) {
                (p == Polarity.COMPLAINT ? complaints : praise).merge(aspect, 1, Integer::sum);
            }
        }));
        String complaint = most(complaints, "shipping");
        String praised = most(praise, "quality");
        String first = top.getFirst();
        String other = top.size() > 1 ? top.get(1) : second.isEmpty() ? first : second.getFirst();
        List<String> out = new ArrayList<>();
        out.add("who buys " + first + " and complains about " + complaint + "?");
        if (splittable != null) {
            out.add("split " + splittable + " buyers into 3 segments");
        }
        out.add(first + " customers who praise the " + praised);
        if (!other.equals(first)) {
            out.add("compare " + first + " buyers with " + other + " buyers");
        }
        out.add("which " + (second.isEmpty() ? first : second.getFirst()) + " buyers gave 1 or 2 stars?");
        return out;
    }

    private String most(Map<String, Integer> counts, String fallback) {
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .flatMap(e -> concepts.byIri(e.getKey())).map(c -> lower(c.label())).orElse(fallback);
    }

    private static String lower(String label) {
        return label.toLowerCase(Locale.ROOT);
    }
}

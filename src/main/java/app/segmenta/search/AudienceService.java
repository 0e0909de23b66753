package app.segmenta.search;

import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.ConceptRef;
import app.segmenta.catalog.ReviewRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds an audience: reviews under the categories named (every sub-category included), within rating limits,
 * and, when a meaning is asked for, whose passages are close to it in the vector index.
 */
@ApplicationScoped
public class AudienceService {

    /** Cosine similarity a passage needs to count as meaning what was asked (all-MiniLM-L6-v2 scale). */
    static final double MIN_SIMILARITY = 0.40;

    private final CatalogService catalog;
    private final ConceptIndex concepts;
    private final ReviewVectors vectors;
    private final Embedder embedder;

    public AudienceService(CatalogService catalog, ConceptIndex concepts, ReviewVectors vectors, Embedder embedder) {
        this.catalog = catalog;
        this.concepts = concepts;
        this.vectors = vectors;
        this.embedder = embedder;
    }

    public Audience find(AudienceQuery query) {
        List<ConceptRef> categories = List.of();
        if (query.category() != null && !query.category().isBlank()) {
            categories = catalog.resolveCategories(query.category());
            if (categories.isEmpty()) {
                throw new IllegalArgumentException("No category matches '" + query.category()
                        + "'. 'segmenta categories' lists them, with their names and synonyms in ontology/categories.ttl.");
            }
        }
        List<String> conceptIris = categories.stream().map(ConceptRef::iri).toList();
        List<Audience.Item> items = query.text() == null || query.text().isBlank()
                ? catalog.reviewsUnder(conceptIris).stream()
                        .filter(r -> within(r.rating(), query.minRating(), query.maxRating()))
                        .map(r -> new Audience.Item(r.iri(), r.customerId(), r.source(), r.sourceRow(), 1.0, because(r)))
                        .toList()
                : byMeaning(query, conceptIris);
        long customers = items.stream().map(Audience.Item::customerId).distinct().count();
        return new Audience(new Audience.Interpretation(categories, List.of(), "any", filters(query)),
                new Audience.Members(customers, items.size(), items));
    }

    /**
     * Scans the passage vectors first (cheap, exact), then reads from the graph only the reviews that matched,
     * keeping those under the categories and within the rating limits.
     */
    private List<Audience.Item> byMeaning(AudienceQuery query, List<String> conceptIris) {
        Map<String, VectorIndex.Hit> best = new LinkedHashMap<>();
        for (VectorIndex.Hit h : vectors.index().scan(embedder.embed(query.text().strip()), (float) MIN_SIMILARITY, null)) {
            best.putIfAbsent(h.review(), h);
        }
        Set<String> allowed = new HashSet<>();
        conceptIris.forEach(iri -> allowed.addAll(concepts.withDescendants(iri)));
        Map<String, ReviewRef> refs = new HashMap<>();
        for (ReviewRef r : catalog.reviewRefs(best.keySet())) {
            List<String> under = r.concepts().stream().filter(allowed::contains).toList();
            if ((conceptIris.isEmpty() || !under.isEmpty()) && within(r.rating(), query.minRating(), query.maxRating())) {
                refs.put(r.iri(), conceptIris.isEmpty() ? r
                        : new ReviewRef(r.iri(), r.customerId(), r.source(), r.sourceRow(), r.rating(), under));
            }
        }
        Map<String, String> texts = catalog.reviewTexts(refs.keySet());
        List<Audience.Item> items = new ArrayList<>();
        for (VectorIndex.Hit h : best.values()) {
            ReviewRef r = refs.get(h.review());
            if (r == null) {
                continue;
            }
            String review = texts.get(h.review());
            String quote = review == null ? "" : review.substring(h.start(), Math.min(h.end(), review.length()));
            items.add(new Audience.Item(r.iri(), r.customerId(), r.source(), r.sourceRow(),
                    Math.round(h.score() * 1000) / 1000.0, because(r) + "; says: \"" + quote + "\""));
        }
        return items;
    }

    private String because(ReviewRef r) {
        String category = r.concepts().isEmpty() ? null
                : concepts.byIri(r.concepts().getFirst()).map(c -> c.label()).orElse(null);
        String rating = r.rating() == null ? null : r.rating().toPlainString() + "★";
        return String.join(", ", java.util.stream.Stream.of(category == null ? null : "in " + category, rating)
                .filter(s -> s != null).toList());
    }

    private static boolean within(BigDecimal rating, BigDecimal min, BigDecimal max) {
        if (min == null && max == null) {
            return true;
        }
        if (rating == null) {
            return false;
        }
        return (min == null || rating.compareTo(min) >= 0) && (max == null || rating.compareTo(max) <= 0);
    }

    private static Map<String, Object> filters(AudienceQuery q) {
        Map<String, Object> out = new HashMap<>();
        if (q.minRating() != null) {
            out.put("minRating", q.minRating());
        }
        if (q.maxRating() != null) {
            out.put("maxRating", q.maxRating());
        }
        if (q.text() != null && !q.text().isBlank()) {
            out.put("text", q.text().strip());
            out.put("minSimilarity", MIN_SIMILARITY);
        }
        return out;
    }
}

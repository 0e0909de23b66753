package app.segmenta.ingest;

import app.segmenta.catalog.Concept;
import app.segmenta.catalog.ConceptIndex;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a source category value onto ontology concepts by exact and synonym matches on SKOS labels.
 * A path maps to the most specific level that matches (a level is also tried joined with its parent, so
 * "Baby &gt; Toys" finds "Baby toys"). Retailer label lists cross-list products in many departments, so a list
 * maps within the department of its first matching label (the retailer's primary one): to the most specific
 * matched concepts there, and among those to the ones most labels point at. A value with no such match goes to the
 * concept nearest in meaning, when one is near enough ({@link CategorySimilarity}); those mappings are kept for the
 * import summary, so a person can check them. An empty result means unmapped.
 */
final class CategoryMapper {

    private final ConceptIndex concepts;
    private final CategorySimilarity similarity;
    private final Map<ReviewRow.CategoryValue, List<Concept>> cache = new HashMap<>();
    private final Map<String, CategorySimilarity.Match> bySimilarity = new LinkedHashMap<>();

    CategoryMapper(ConceptIndex concepts, CategorySimilarity similarity) {
        this.concepts = concepts;
        this.similarity = similarity;
    }

    List<Concept> map(ReviewRow.CategoryValue value) {
        return cache.computeIfAbsent(value, v -> {
            List<Concept> exact = v.path() ? mapPath(v.labels()) : mapList(v.labels());
            if (!exact.isEmpty()) {
                return exact;
            }
            Optional<CategorySimilarity.Match> near = similar(v);
            near.ifPresent(m -> bySimilarity.put(v.raw(), m));
            return near.map(m -> List.of(m.concept())).orElse(List.of());
        });
    }

    /** The source values mapped by similarity rather than by name, with the match. */
    CategorySimilarity.Match similarityMatch(String raw) {
        return bySimilarity.get(raw);
    }

    /**
     * A path tries its deepest level, with its parent for context (upper levels alone, "Wheeled goods", came close to
     * vague departments); a list takes its best label.
     */
    private Optional<CategorySimilarity.Match> similar(ReviewRow.CategoryValue v) {
        List<String> labels = v.labels();
        if (v.path()) {
            int last = labels.size() - 1;
            return last < 0 ? Optional.empty()
                    : similarity.nearest(labels.get(last) + (last > 0 ? " (" + labels.get(last - 1) + ")" : ""));
        }
        return labels.stream().map(similarity::nearest).flatMap(Optional::stream)
                .max(Comparator.comparingDouble(CategorySimilarity.Match::score));
    }

    private List<Concept> mapPath(List<String> levels) {
        for (int i = levels.size() - 1; i >= 0; i--) {
            if (i > 0) {
                var joined = match(levels.get(i - 1) + " " + levels.get(i));
                if (joined != null) {
                    return List.of(joined);
                }
            }
            Concept c = match(levels.get(i));
            if (c != null) {
                return List.of(c);
            }
        }
        return List.of();
    }

    private List<Concept> mapList(List<String> labels) {
        Map<Concept, Integer> hits = new LinkedHashMap<>();
        String department = null;
        for (String label : labels) {
            Concept c = match(label);
            if (c == null) {
                continue;
            }
            department = department != null ? department : top(c);
            if (department.equals(top(c))) {
                hits.merge(c, 1, Integer::sum);
            }
        }
        List<Concept> specific = concepts.mostSpecific(hits.keySet());
        int best = specific.stream().mapToInt(hits::get).max().orElse(0);
        return specific.stream().filter(c -> hits.get(c) == best).toList();
    }

    private String top(Concept c) {
        Concept t = c;
        while (!t.broader().isEmpty()) {
            t = concepts.byIri(t.broader().getFirst()).orElseThrow();
        }
        return t.iri();
    }

    private Concept match(String label) {
        return concepts.matchLabel(Concept.Scheme.CATEGORIES, label).orElse(null);
    }
}

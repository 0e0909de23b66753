package app.segmenta.ingest;

import app.segmenta.catalog.Concept;
import app.segmenta.catalog.ConceptIndex;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a source category value onto ontology concepts by exact and synonym matches on SKOS labels.
 * A path maps to the most specific level that matches (a level is also tried joined with its parent, so
 * "Baby &gt; Toys" finds "Baby toys"). Retailer label lists cross-list products in many departments, so a list
 * maps within the department of its first matching label (the retailer's primary one): to the most specific
 * matched concepts there, and among those to the ones most labels point at. An empty result means unmapped.
 */
final class CategoryMapper {

    private final ConceptIndex concepts;
    private final Map<ReviewRow.CategoryValue, List<Concept>> cache = new HashMap<>();

    CategoryMapper(ConceptIndex concepts) {
        this.concepts = concepts;
    }

    List<Concept> map(ReviewRow.CategoryValue value) {
        return cache.computeIfAbsent(value, v -> v.path() ? mapPath(v.labels()) : mapList(v.labels()));
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

package app.segmenta.audience;

import app.segmenta.aspects.Polarity;
import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.Concept;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.ConceptRef;
import app.segmenta.catalog.GraphStore;
import app.segmenta.catalog.Queries;
import app.segmenta.catalog.ReviewRef;
import app.segmenta.search.Embedder;
import app.segmenta.search.ReviewVectors;
import app.segmenta.search.VectorIndex;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds an audience: reviews under the categories named (every sub-category included) that speak of the aspects
 * named with the polarity asked for, within rating, date and customer-attribute limits, and, when a meaning is
 * asked for, whose passages are close to it in the vector index. Each item says why it matched, quoting the
 * passage verbatim from the stored review.
 */
@ApplicationScoped
public class AudienceService {

    private final CatalogService catalog;
    private final ConceptIndex concepts;
    private final GraphStore store;
    private final ReviewVectors vectors;
    private final Embedder embedder;

    public AudienceService(CatalogService catalog, ConceptIndex concepts, GraphStore store, ReviewVectors vectors,
                           Embedder embedder) {
        this.catalog = catalog;
        this.concepts = concepts;
        this.store = store;
        this.vectors = vectors;
        this.embedder = embedder;
    }

    /**
     * Cosine similarity a passage needs to count as meaning what was asked, per embedding model (the models use
     * different ranges): about the top tenth of passages for a typical question.
     */
    public static double minSimilarity(String embeddingModel) {
        return switch (embeddingModel) {
            case "all-minilm-l6-v2-q" -> 0.40;
            case "bge-small-en-v15-q" -> 0.66;
            default -> 0.60;
        };
    }

    /** The passage of a review that made it match, and how well. */
    private record Evidence(double score, int start, int end, String what) {
    }

    public Audience find(AudienceQuery query) {
        List<ConceptRef> categories = resolve(query.category(), Concept.Scheme.CATEGORIES, "category",
                "'segmenta categories' lists them, with their names and synonyms in ontology/categories.ttl.");
        List<ConceptRef> aspects = resolve(query.aspect(), Concept.Scheme.ASPECTS, "aspect",
                "The aspects, with their names and synonyms, are in ontology/aspects.ttl.");
        Polarity polarity = Polarity.parse(query.polarity());
        Map<String, Evidence> evidence = null;
        if (!aspects.isEmpty() || polarity != null) {
            evidence = mentions(aspects.isEmpty() ? allAspects() : aspects, polarity);
        }
        if (query.text() != null && !query.text().isBlank()) {
            evidence = byMeaning(query.text().strip(), evidence == null ? null : evidence.keySet(), evidence);
        }
        List<String> conceptIris = categories.stream().map(ConceptRef::iri).toList();
        List<ReviewRef> refs = evidence == null ? catalog.reviewsUnder(conceptIris) : under(conceptIris, evidence.keySet());
        Set<String> customers = customersWith(query.attributes());
        List<ReviewRef> kept = refs.stream()
                .filter(r -> within(r.rating(), query.minRating(), query.maxRating()))
                .filter(r -> within(r.date(), query.from(), query.to()))
                .filter(r -> customers == null || customers.contains(r.customerId()))
                .toList();
        List<Audience.Item> items = items(kept, evidence);
        long customerCount = items.stream().map(Audience.Item::customerId).distinct().count();
        String polarityWord = polarity == null ? "any" : polarity.word();
        return new Audience(new Audience.Interpretation(categories, aspects, polarityWord, filters(query)),
                new Audience.Members(customerCount, items.size(), items));
    }

    private List<ConceptRef> resolve(String text, Concept.Scheme scheme, String what, String hint) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String t = text.strip();
        List<String> words = List.of(t.split("\\s+"));
        if (words.stream().allMatch(w -> w.startsWith("http://") || w.startsWith("https://"))) {
            return words.stream().distinct().map(iri -> ConceptRef.of(concepts.byIri(iri).filter(x -> x.scheme() == scheme)
                    .orElseThrow(() -> new IllegalArgumentException("No " + what + " has the IRI " + iri + ".")))).toList();
        }
        List<ConceptRef> found = scheme == Concept.Scheme.CATEGORIES ? catalog.resolveCategories(t) : catalog.resolveAspects(t);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No " + what + " matches '" + t + "'. " + hint);
        }
        return found;
    }

    private List<ConceptRef> allAspects() {
        return concepts.concepts(Concept.Scheme.ASPECTS).stream().map(ConceptRef::of).toList();
    }

    /** Reviews with a detected mention of any of the aspects (of that polarity, if given): review → best mention. */
    private Map<String, Evidence> mentions(List<ConceptRef> aspects, Polarity polarity) {
        var query = Queries.withValues("select-aspect-mentions", "aspect", aspects.stream().map(ConceptRef::iri).toList());
        Map<String, String> labels = new HashMap<>();
        aspects.forEach(a -> labels.put(a.iri(), a.label()));
        Map<String, Evidence> best = new HashMap<>();
        store.select(query, Map.of(), row -> {
            Polarity p = Polarity.ofIri(row.get("polarity").getURI());
            if (polarity != null && p != polarity) {
                return null;
            }
            double score = Double.parseDouble(row.get("score").getLiteralLexicalForm());
            String what = switch (p) {
                case COMPLAINT -> "complains about ";
                case PRAISE -> "praises ";
                case NEUTRAL -> "mentions ";
            } + labels.get(row.get("aspect").getURI()) + " (" + score + ")";
            Evidence e = new Evidence(score, Integer.parseInt(row.get("start").getLiteralLexicalForm()),
                    Integer.parseInt(row.get("end").getLiteralLexicalForm()), what);
            return best.merge(row.get("review").getURI(), e, (a, b) -> a.score() >= b.score() ? a : b);
        });
        return best;
    }

    /**
     * Scans the passage vectors (cheap, exact; only the candidates' passages when there are candidates), keeping
     * each review's best passage. With candidates found by aspect, the aspect stays in the explanation.
     */
    private Map<String, Evidence> byMeaning(String text, Set<String> candidates, Map<String, Evidence> byAspect) {
        double min = minSimilarity(embedder.modelId());
        Map<String, Evidence> best = new LinkedHashMap<>();
        for (VectorIndex.Hit h : vectors.index().scan(embedder.embed(text), (float) min, candidates)) {
            if (!best.containsKey(h.review())) {
                String aspect = byAspect == null ? "" : byAspect.get(h.review()).what() + "; ";
                best.put(h.review(), new Evidence(Math.round(h.score() * 1000) / 1000.0, h.start(), h.end(),
                        aspect + "close to \"" + text + "\" (" + Math.round(h.score() * 1000) / 1000.0 + ")"));
            }
        }
        return best;
    }

    /** The reviews among these that are under the concepts (all of them when no concept is given). */
    private List<ReviewRef> under(List<String> conceptIris, Set<String> reviews) {
        Set<String> allowed = new HashSet<>();
        conceptIris.forEach(iri -> allowed.addAll(concepts.withDescendants(iri)));
        List<ReviewRef> out = new ArrayList<>();
        for (ReviewRef r : catalog.reviewRefs(reviews)) {
            List<String> matching = r.concepts().stream().filter(allowed::contains).toList();
            if (conceptIris.isEmpty()) {
                out.add(r);
            } else if (!matching.isEmpty()) {
                out.add(new ReviewRef(r.iri(), r.customerId(), r.source(), r.sourceRow(), r.rating(), r.date(), matching));
            }
        }
        return out;
    }

    private Set<String> customersWith(Map<String, String> attributes) {
        Set<String> out = null;
        for (var e : attributes.entrySet()) {
            Set<String> matching = catalog.customersWith(e.getKey(), e.getValue());
            if (out == null) {
                out = new HashSet<>(matching);
            } else {
                out.retainAll(matching);
            }
        }
        return out;
    }

    private List<Audience.Item> items(List<ReviewRef> refs, Map<String, Evidence> evidence) {
        if (evidence == null) {
            return refs.stream().map(r -> new Audience.Item(r.iri(), r.customerId(), r.source(), r.sourceRow(), 1.0,
                    because(r))).toList();
        }
        Map<String, String> texts = catalog.reviewTexts(refs.stream().map(ReviewRef::iri).toList());
        List<Audience.Item> items = new ArrayList<>();
        for (ReviewRef r : refs) {
            Evidence e = evidence.get(r.iri());
            String review = texts.getOrDefault(r.iri(), "");
            String quote = review.substring(Math.min(e.start(), review.length()), Math.min(e.end(), review.length()));
            String context = because(r);
            items.add(new Audience.Item(r.iri(), r.customerId(), r.source(), r.sourceRow(), e.score(),
                    e.what() + (context.isEmpty() ? "" : "; " + context) + "; says: \"" + quote + "\""));
        }
        items.sort(Comparator.comparingDouble(Audience.Item::score).reversed());
        return items;
    }

    private String because(ReviewRef r) {
        String category = r.concepts().isEmpty() ? null
                : concepts.byIri(r.concepts().getFirst()).map(Concept::label).orElse(null);
        String rating = r.rating() == null ? null : r.rating().toPlainString() + "★";
        return String.join(", ", java.util.stream.Stream.of(category == null ? null : "in " + category, rating)
                .filter(s -> s != null).toList());
    }

    private static <T extends Comparable<T>> boolean within(T value, T min, T max) {
        if (min == null && max == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }

    private Map<String, Object> filters(AudienceQuery q) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (q.minRating() != null) {
            out.put("minRating", q.minRating());
        }
        if (q.maxRating() != null) {
            out.put("maxRating", q.maxRating());
        }
        if (q.from() != null) {
            out.put("from", q.from().toString());
        }
        if (q.to() != null) {
            out.put("to", q.to().toString());
        }
        if (!q.attributes().isEmpty()) {
            out.put("attributes", new java.util.TreeMap<>(q.attributes()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            out.put("text", q.text().strip());
            out.put("minSimilarity", minSimilarity(embedder.modelId()));
        }
        return out;
    }
}

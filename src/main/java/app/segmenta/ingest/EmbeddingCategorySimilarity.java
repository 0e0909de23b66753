package app.segmenta.ingest;

import app.segmenta.catalog.Concept;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.search.Embedder;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Category similarity by embeddings: every name of every category concept (its label and synonyms, each with its
 * parent's label, "Duvets (Bedding)") is embedded once; a source label maps to the concept of the nearest name when
 * the cosine similarity reaches the model's threshold. The thresholds were set by reading the nearest concepts of
 * novel retail labels ("Running shoes", "Pushchairs", "Bath towels", "Duvets"...) at each similarity: above them the
 * mappings read right, below them many were wrong ("Bath towels" → Paper towels at 0.818 with bge-small). Every such mapping is listed with its score in the import summary.
 */
@ApplicationScoped
public class EmbeddingCategorySimilarity implements CategorySimilarity {

    private final Embedder embedder;
    private final ConceptIndex concepts;
    private final Map<String, Optional<Match>> cache = new ConcurrentHashMap<>();
    private volatile Names names;

    private record Names(List<String> texts, List<Concept> owners, List<float[]> vectors) {
    }

    public EmbeddingCategorySimilarity(Embedder embedder, ConceptIndex concepts) {
        this.embedder = embedder;
        this.concepts = concepts;
    }

    static double threshold(String embeddingModel) {
        return switch (embeddingModel) {
            case "bge-small-en-v15-q" -> 0.82;
            case "all-minilm-l6-v2-q" -> 0.72;
            default -> 0.80;
        };
    }

    @Override
    public Optional<Match> nearest(String label) {
        return cache.computeIfAbsent(label, this::search);
    }

    private Optional<Match> search(String label) {
        Names n = names();
        float[] v = embedder.embed(label);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n.vectors().size(); i++) {
            float[] w = n.vectors().get(i);
            double s = 0;
            for (int k = 0; k < v.length; k++) {
                s += v[k] * w[k];
            }
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        if (best < 0 || bestScore < threshold(embedder.modelId())) {
            return Optional.empty();
        }
        return Optional.of(new Match(n.owners().get(best), Math.round(bestScore * 1000) / 1000.0, n.texts().get(best)));
    }

    private Names names() {
        Names n = names;
        if (n == null) {
            synchronized (this) {
                if (names == null) {
                    List<String> texts = new ArrayList<>();
                    List<Concept> owners = new ArrayList<>();
                    for (Concept c : concepts.concepts(Concept.Scheme.CATEGORIES)) {
                        String parent = c.broader().isEmpty() ? ""
                                : " (" + concepts.byIri(c.broader().getFirst()).map(Concept::label).orElse("") + ")";
                        texts.add(c.label() + parent);
                        owners.add(c);
                        for (String alt : c.altLabels()) {
                            texts.add(alt + parent);
                            owners.add(c);
                        }
                    }
                    names = new Names(texts, owners, embedder.embedAll(texts));
                }
                n = names;
            }
        }
        return n;
    }
}

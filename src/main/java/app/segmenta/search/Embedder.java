package app.segmenta.search;

import app.segmenta.config.SegmentaConfig;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The embedding model, in process: the ONNX model ships inside a Maven jar, so nothing is downloaded. Loaded on
 * first use. Vectors are unit length, so a dot product is the cosine similarity.
 */
@ApplicationScoped
public class Embedder {

    private static final Map<String, Supplier<EmbeddingModel>> MODELS = Map.of(
            "all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel::new,
            "bge-small-en-v15-q", BgeSmallEnV15QuantizedEmbeddingModel::new);
    private static final int DIMENSION = 384;

    /**
     * Chosen by measured quality: on the labelled set its complaint detectors beat all-MiniLM-L6-v2's on every
     * aspect (see src/main/resources/aspects/README.md), at about 1.7 times the embedding time.
     */
    public static final String DEFAULT_MODEL = "bge-small-en-v15-q";

    private final String modelId;
    private final Path cacheDir;
    private volatile EmbeddingModel model;

    @Inject
    public Embedder(SegmentaConfig config) {
        this(config.embedding().model(), config.dataDir().resolve("djl-cache"));
    }

    /** @param cacheDir where the tokenizer library unpacks its native code (else it writes to ~/.djl.ai) */
    public Embedder(String modelId, Path cacheDir) {
        if (!MODELS.containsKey(modelId)) {
            throw new IllegalArgumentException("Unknown embedding model '" + modelId + "'; choose one of "
                    + String.join(", ", MODELS.keySet().stream().sorted().toList()) + ".");
        }
        this.modelId = modelId;
        this.cacheDir = cacheDir;
    }

    public String modelId() {
        return modelId;
    }

    public int dimension() {
        return DIMENSION;
    }

    public float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model().embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
                        System.setProperty("DJL_CACHE_DIR", cacheDir.toAbsolutePath().toString());
                    }
                    model = MODELS.get(modelId).get();
                }
                m = model;
            }
        }
        return m;
    }
}

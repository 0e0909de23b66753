package app.segmenta.search;

import app.segmenta.config.SegmentaConfig;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The embedding model. By default in process: the ONNX model ships inside a Maven jar, so nothing is downloaded.
 * On a GPU box, {@code ollama:NAME} embeds with that Ollama model instead. Loaded on first use. Vectors are made
 * unit length, so a dot product is the cosine similarity.
 */
@ApplicationScoped
public class Embedder {

    private static final Map<String, Supplier<EmbeddingModel>> MODELS = Map.of(
            "all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel::new,
            "bge-small-en-v15-q", BgeSmallEnV15QuantizedEmbeddingModel::new);
    private static final int DIMENSION = 384;

    public static final String DEFAULT_MODEL = SegmentaConfig.Embedding.DEFAULT_MODEL;

    static final String OLLAMA = "ollama:";

    private final String modelId;
    private final Path cacheDir;
    private final String ollamaUrl;
    private final Duration ollamaTimeout;
    private volatile EmbeddingModel model;

    @Inject
    public Embedder(SegmentaConfig config) {
        this(config.embedding().model(), config.dataDir().resolve("djl-cache"), config.embedding().ollamaUrl(),
                config.embedding().ollamaTimeout());
    }

    /** @param cacheDir where the tokenizer library unpacks its native code (else it writes to ~/.djl.ai) */
    public Embedder(String modelId, Path cacheDir) {
        this(modelId, cacheDir, "http://localhost:11434", Duration.ofSeconds(60));
    }

    public Embedder(String modelId, Path cacheDir, String ollamaUrl, Duration ollamaTimeout) {
        boolean ollama = modelId.startsWith(OLLAMA) && modelId.length() > OLLAMA.length();
        if (!MODELS.containsKey(modelId) && !ollama) {
            throw new IllegalArgumentException("Unknown embedding model '" + modelId + "'; choose one of "
                    + String.join(", ", MODELS.keySet().stream().sorted().toList()) + ", or ollama:NAME.");
        }
        this.modelId = modelId;
        this.cacheDir = cacheDir;
        this.ollamaUrl = ollamaUrl;
        this.ollamaTimeout = ollamaTimeout;
    }

    public String modelId() {
        return modelId;
    }

    /** The model id as a file name ("ollama:nomic-embed-text" → "ollama-nomic-embed-text"). */
    public String fileName() {
        return modelId.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    public int dimension() {
        return DIMENSION;
    }

    public float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model().embedAll(segments).content().stream().map(e -> unit(e.vector())).toList();
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0 || Math.abs(norm - 1) < 1e-6) {
            return v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
                        System.setProperty("DJL_CACHE_DIR", cacheDir.toAbsolutePath().toString());
                    }
                    model = modelId.startsWith(OLLAMA)
                            ? OllamaEmbeddingModel.builder().baseUrl(ollamaUrl).modelName(modelId.substring(OLLAMA.length()))
                                    .httpClientBuilder(JdkHttpClient.builder()).timeout(ollamaTimeout).maxRetries(2).build()
                            : MODELS.get(modelId).get();
                }
                m = model;
            }
        }
        return m;
    }
}

package app.segmenta.assistant.llm;

import app.segmenta.assistant.Sessions;
import app.segmenta.config.SegmentaConfig;
import app.segmenta.ops.Metrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The assistant's chat model on Ollama, built from {@code segmenta.assistant.*} at run time (so a packaged app can
 * switch model or server without a rebuild), with no retries: our own turn timeout decides when to give up. Also
 * answers whether the model is there right now, cheaply (Ollama's model list, cached for a few seconds). (The JDK
 * HTTP client is named because quarkus-langchain4j puts a second one on the class path.)
 */
@ApplicationScoped
public class AssistantModels {

    private static final Duration PROBE_CACHE = Duration.ofSeconds(5);

    /** @param reason why not, in words a marketer can act on; null when available */
    public record Availability(boolean available, String reason) {
    }

    private final SegmentaConfig.Assistant config;
    private final Sessions sessions;
    private final ObjectMapper json;
    private final HttpClient http;
    private final ModelCallMeter meter;
    private volatile Availability last;
    private volatile long lastAt;

    public AssistantModels(SegmentaConfig config, Sessions sessions, ObjectMapper json, Metrics metrics) {
        this.meter = new ModelCallMeter(metrics);
        this.config = config.assistant();
        this.sessions = sessions;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.probeTimeout()).build();
    }

    public String modelName() {
        return config.model();
    }

    public ChatModel chatModel() {
        return OllamaChatModel.builder().httpClientBuilder(JdkHttpClient.builder()).baseUrl(config.ollamaUrl()).modelName(config.model())
                .temperature(config.temperature()).seed(config.seed()).timeout(config.requestTimeout()).maxRetries(0).listeners(List.of(meter)).build();
    }

    public StreamingChatModel streamingChatModel() {
        return OllamaStreamingChatModel.builder().httpClientBuilder(JdkHttpClient.builder()).baseUrl(config.ollamaUrl()).modelName(config.model())
                .temperature(config.temperature()).seed(config.seed()).timeout(config.requestTimeout()).listeners(List.of(meter)).build();
    }

    /** The label and persona writers' model: JSON replies (Ollama's format "json"), one call at most this long. */
    public ChatModel writerModel(Duration timeout) {
        Duration t = timeout.compareTo(config.requestTimeout()) < 0 ? timeout : config.requestTimeout();
        return OllamaChatModel.builder().httpClientBuilder(JdkHttpClient.builder()).baseUrl(config.ollamaUrl()).modelName(config.model())
                .temperature(config.temperature()).seed(config.seed()).timeout(t).maxRetries(0)
                .responseFormat(ResponseFormat.JSON).listeners(List.of(meter)).build();
    }

    public ChatMemoryProvider memory() {
        return id -> MessageWindowChatMemory.builder().id(id).maxMessages(config.memoryMessages()).chatMemoryStore(sessions).build();
    }

    /** Forgets the last probe, so the next question checks the server again. */
    public void refresh() {
        last = null;
    }

    /** Whether the configured model can answer now: the server lists it. */
    public Availability availability() {
        if ("offline".equalsIgnoreCase(config.mode())) {
            return new Availability(false, "offline mode is configured (segmenta.assistant.mode=offline)");
        }
        long now = System.nanoTime();
        Availability a = last;
        if (a != null && now - lastAt < PROBE_CACHE.toNanos()) {
            return a;
        }
        a = probe();
        last = a;
        lastAt = now;
        return a;
    }

    private Availability probe() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(config.ollamaUrl().replaceAll("/+$", "") + "/api/tags"))
                    .timeout(config.probeTimeout()).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Availability(false, "the model server at " + config.ollamaUrl() + " answered HTTP " + response.statusCode());
            }
            return listed(json.readTree(response.body())) ? new Availability(true, null)
                    : new Availability(false, "the model server at " + config.ollamaUrl() + " has no model " + config.model()
                    + " (run: ollama pull " + config.model() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Availability(false, "interrupted while reaching the model server");
        } catch (Exception e) {
            return new Availability(false, "no model server answered at " + config.ollamaUrl());
        }
    }

    private boolean listed(JsonNode tags) {
        String wanted = config.model().contains(":") ? config.model() : config.model() + ":latest";
        for (JsonNode m : Optional.ofNullable(tags.get("models")).orElse(json.createArrayNode())) {
            String name = m.path("name").asText(m.path("model").asText());
            if (name.equals(wanted) || name.equals(config.model())) {
                return true;
            }
        }
        return false;
    }
}

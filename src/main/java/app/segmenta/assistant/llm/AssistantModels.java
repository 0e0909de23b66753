package app.segmenta.assistant.llm;

import app.segmenta.assistant.Sessions;
import app.segmenta.config.SegmentaConfig;
import app.segmenta.ops.Metrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The assistant's chat model, on Ollama or on an OpenAI-compatible server such as vLLM
 * ({@code segmenta.assistant.provider}), built from {@code segmenta.assistant.*} at run time (so a packaged app can
 * switch model or server without a rebuild), with no retries: our own turn timeout decides when to give up. Also
 * answers whether the model is there right now, cheaply (the server's model list, cached for a few seconds). (The
 * JDK HTTP client is named because quarkus-langchain4j puts a second one on the class path.)
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
    private final ModelServer server;
    private volatile Availability last;
    private volatile long lastAt;

    public AssistantModels(SegmentaConfig config, Sessions sessions, ObjectMapper json, Metrics metrics) {
        this.config = config.assistant();
        this.sessions = sessions;
        this.json = json;
        this.http = ModelServer.http().connectTimeout(this.config.probeTimeout()).build();
        List<ChatModelListener> listeners = List.of(new ModelCallMeter(metrics));
        this.server = switch (this.config.provider()) {
            case OLLAMA -> new OllamaServer(this.config, listeners);
            case OPENAI -> new OpenAiServer(this.config, listeners);
        };
    }

    public String modelName() {
        return config.model();
    }

    /** ollama or openai, as configured. */
    public String provider() {
        return config.provider().name().toLowerCase(Locale.ROOT);
    }

    /** Where the model server listens, as configured. */
    public String serverUrl() {
        return server.url();
    }

    public ChatModel chatModel() {
        return server.chatModel(config.requestTimeout(), false);
    }

    public StreamingChatModel streamingChatModel() {
        return server.streamingChatModel();
    }

    /** The label and persona writers' model: JSON replies, one call at most this long. */
    public ChatModel writerModel(Duration timeout) {
        return server.chatModel(timeout.compareTo(config.requestTimeout()) < 0 ? timeout : config.requestTimeout(), true);
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
            HttpResponse<String> response = http.send(server.modelList(config.probeTimeout()), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status != 200) {
                String key = status != 401 && status != 403 ? ""
                        : config.apiKey().isPresent() ? ": check segmenta.assistant.api-key" : ": it wants an API key (segmenta.assistant.api-key)";
                return new Availability(false, "the model server at " + server.url() + " answered HTTP " + status + key);
            }
            String absent = server.absent(json.readTree(response.body()));
            return absent == null ? new Availability(true, null) : new Availability(false, absent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Availability(false, "interrupted while reaching the model server");
        } catch (Exception e) {
            return new Availability(false, "no model server answered at " + server.url());
        }
    }
}

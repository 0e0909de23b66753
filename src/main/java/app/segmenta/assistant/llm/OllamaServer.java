package app.segmenta.assistant.llm;

import app.segmenta.config.SegmentaConfig;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

/** Ollama's own API: /api/chat, and /api/tags for the models pulled. JSON mode is its format "json". */
final class OllamaServer implements ModelServer {

    private final SegmentaConfig.Assistant config;
    private final List<ChatModelListener> listeners;

    OllamaServer(SegmentaConfig.Assistant config, List<ChatModelListener> listeners) {
        this.config = config;
        this.listeners = listeners;
    }

    @Override
    public String url() {
        return config.ollamaUrl();
    }

    @Override
    public ChatModel chatModel(Duration timeout, boolean json) {
        return OllamaChatModel.builder().httpClientBuilder(JdkHttpClient.builder()).baseUrl(url()).modelName(config.model())
                .temperature(config.temperature()).seed(config.seed()).timeout(timeout).maxRetries(0)
                .responseFormat(json ? ResponseFormat.JSON : null).listeners(listeners).build();
    }

    @Override
    public StreamingChatModel streamingChatModel() {
        return OllamaStreamingChatModel.builder().httpClientBuilder(JdkHttpClient.builder()).baseUrl(url()).modelName(config.model())
                .temperature(config.temperature()).seed(config.seed()).timeout(config.requestTimeout()).listeners(listeners).build();
    }

    @Override
    public HttpRequest modelList(Duration timeout) {
        return HttpRequest.newBuilder(URI.create(url().replaceAll("/+$", "") + "/api/tags")).timeout(timeout).GET().build();
    }

    @Override
    public String absent(JsonNode tags) {
        String wanted = config.model().contains(":") ? config.model() : config.model() + ":latest";
        for (JsonNode m : tags.path("models")) {
            String name = m.path("name").asText(m.path("model").asText());
            if (name.equals(wanted) || name.equals(config.model())) {
                return null;
            }
        }
        return "the model server at " + url() + " has no model " + config.model() + " (run: ollama pull " + config.model() + ")";
    }
}

package app.segmenta.assistant.llm;

import app.segmenta.config.SegmentaConfig;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A server speaking OpenAI's chat-completions API (vLLM, and others): /chat/completions under the configured base
 * URL, and /models for the models served. JSON mode is {@code response_format: {"type": "json_object"}}. The API
 * key, when configured, goes as a bearer token.
 */
final class OpenAiServer implements ModelServer {

    private final SegmentaConfig.Assistant config;
    private final List<ChatModelListener> listeners;

    OpenAiServer(SegmentaConfig.Assistant config, List<ChatModelListener> listeners) {
        this.config = config;
        this.listeners = listeners;
    }

    private static JdkHttpClientBuilder client() {
        return JdkHttpClient.builder().httpClientBuilder(ModelServer.http());
    }

    @Override
    public String url() {
        return config.openaiUrl();
    }

    @Override
    public ChatModel chatModel(Duration timeout, boolean json) {
        ResponseFormat format = json ? ResponseFormat.JSON : null;
        return OpenAiChatModel.builder().httpClientBuilder(client()).baseUrl(url()).apiKey(config.apiKey().orElse(null))
                .modelName(config.model()).temperature(config.temperature()).seed(config.seed()).timeout(timeout).maxRetries(0)
                .responseFormat(format).listeners(listeners).build();
    }

    @Override
    public StreamingChatModel streamingChatModel() {
        return OpenAiStreamingChatModel.builder().httpClientBuilder(client()).baseUrl(url()).apiKey(config.apiKey().orElse(null))
                .modelName(config.model()).temperature(config.temperature()).seed(config.seed()).timeout(config.requestTimeout())
                .listeners(listeners).build();
    }

    @Override
    public HttpRequest modelList(Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url().replaceAll("/+$", "") + "/models")).timeout(timeout).GET();
        config.apiKey().ifPresent(key -> b.header("Authorization", "Bearer " + key));
        return b.build();
    }

    @Override
    public String absent(JsonNode models) {
        List<String> served = new ArrayList<>();
        for (JsonNode m : models.path("data")) {
            served.add(m.path("id").asText());
        }
        if (served.contains(config.model())) {
            return null;
        }
        return "the model server at " + url() + " does not serve " + config.model()
                + (served.isEmpty() ? "" : " (it serves " + String.join(", ", served) + ")")
                + ": set segmenta.assistant.model to the name it serves, or start it with that model (vllm serve " + config.model() + ")";
    }
}

package app.segmenta.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The server behind the assistant's chat model, one per wire format ({@code segmenta.assistant.provider}): how to
 * build its models, and how to ask it which models it serves.
 */
sealed interface ModelServer permits OllamaServer, OpenAiServer {

    /**
     * A JDK HTTP client speaking HTTP/1.1 only. By default it asks a plain-http server to upgrade to HTTP/2 (h2c),
     * which vLLM's server (uvicorn) does not do, and some of its versions refuse or mangle such requests.
     */
    static HttpClient.Builder http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    }

    /** Where it listens, as configured (shown to users). */
    String url();

    /** A model answering in one reply, within this long; in JSON mode when asked (the writers). No retries. */
    ChatModel chatModel(Duration timeout, boolean json);

    StreamingChatModel streamingChatModel();

    /** The request listing the models the server can answer with. */
    HttpRequest modelList(Duration timeout);

    /** Null when that list (the response body) names the configured model; else why not, and what to do. */
    String absent(JsonNode list);
}

package app.segmenta.web;

import app.segmenta.assistant.OllamaStubAccess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** With a model answering (a stub speaking Ollama's streaming wire format), the chat gets its words token by token. */
@QuarkusTest
@QuarkusTestResource(value = app.segmenta.assistant.OllamaStub.class, restrictToAnnotatedClass = true)
class ChatStreamingTest {

    private final ObjectMapper json = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;
    @Inject
    BasicWebSocketConnector connector;

    @Test
    void theModelsWordsArriveAsTokensBeforeTheCheckedReply() throws Exception {
        OllamaStubAccess.scriptStream("Parents ", "waiting ", "for ", "\\\"strollers that never came\\\".");
        BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        WebSocketClientConnection c = connector.baseUri(base).path("/ws/chat/streaming1")
                // in arrival order: the default runs each message on a worker thread of its own
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING).onTextMessage((conn, m) -> {
            try {
                inbox.add(json.readTree(m));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).connectAndAwait();
        try {
            c.sendTextAndAwait(json.writeValueAsString(Map.of("type", "ask", "question", "who buys baby products?")));
            List<JsonNode> got = new ArrayList<>();
            for (JsonNode m = inbox.poll(30, TimeUnit.SECONDS); m != null; m = inbox.poll(30, TimeUnit.SECONDS)) {
                got.add(m);
                if (m.path("type").asText().equals("reply") || m.path("type").asText().equals("error")) {
                    break;
                }
            }
            List<String> tokens = got.stream().filter(m -> m.path("type").asText().equals("token")).map(m -> m.path("text").asText()).toList();
            assertThat(String.join("", tokens)).isEqualTo("Parents waiting for \"strollers that never came\".");
            JsonNode reply = got.getLast();
            assertThat(reply.path("type").asText()).isEqualTo("reply");
            assertThat(reply.path("answer").path("mode").asText()).isEqualTo("llm");
            assertThat(reply.path("answer").path("answer").asText()).as("the invented quotation is removed from the final text")
                    .doesNotContain("strollers that never came");
            assertThat(reply.path("answer").path("notice").asText()).contains("which no review contains");
        } finally {
            c.closeAndAwait();
        }
    }
}

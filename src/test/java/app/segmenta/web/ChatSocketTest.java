package app.segmenta.web;

import app.segmenta.assistant.HostileReviews;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The web chat's socket protocol: ready with history, progress then reply, an edited reading run again, errors. */
@QuarkusTest
class ChatSocketTest {

    private static boolean imported;
    private final ObjectMapper json = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;
    @Inject
    BasicWebSocketConnector connector;

    @BeforeEach
    void importReviews() {
        if (!imported) {
            imported = true;
            HostileReviews.importNow();
        }
    }

    /** A tab's socket and what it has received. */
    private final class Tab implements AutoCloseable {
        final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        final WebSocketClientConnection connection;

        Tab(String session) {
            connection = connector.baseUri(base).path("/ws/chat/" + session)
                    // in arrival order: the default runs each message on a worker thread of its own
                    .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING).onTextMessage((c, m) -> {
                try {
                    inbox.add(json.readTree(m));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).connectAndAwait();
        }

        JsonNode next(String type) throws InterruptedException {
            for (JsonNode m = inbox.poll(60, TimeUnit.SECONDS); m != null; m = inbox.poll(60, TimeUnit.SECONDS)) {
                if (m.path("type").asText().equals(type)) {
                    return m;
                }
                if (m.path("type").asText().equals("error") && !type.equals("error")) {
                    throw new AssertionError("error instead of " + type + ": " + m);
                }
            }
            throw new AssertionError("no " + type + " message");
        }

        /** Messages up to and including the next of this type. */
        List<JsonNode> until(String type) throws InterruptedException {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode m = inbox.poll(60, TimeUnit.SECONDS); m != null; m = inbox.poll(60, TimeUnit.SECONDS)) {
                out.add(m);
                if (m.path("type").asText().equals(type)) {
                    return out;
                }
            }
            throw new AssertionError("no " + type + " message; got " + out);
        }

        void send(Object message) throws Exception {
            connection.sendTextAndAwait(json.writeValueAsString(message));
        }

        @Override
        public void close() {
            connection.closeAndAwait();
        }
    }

    private static String session() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @Test
    void anAnswerComesAfterItsProgressAndAReconnectedTabGetsTheConversationBack() throws Exception {
        String session = session();
        JsonNode reply;
        try (Tab tab = new Tab(session)) {
            JsonNode ready = tab.next("ready");
            assertThat(ready.path("history")).isEmpty();
            assertThat(ready.path("busy").asBoolean()).isFalse();
            tab.send(java.util.Map.of("type", "ask", "question", "who buys baby products and complains about shipping?"));
            List<JsonNode> messages = tab.until("reply");
            List<String> progress = messages.stream().filter(m -> m.path("type").asText().equals("progress"))
                    .map(m -> m.path("text").asText()).toList();
            assertThat(progress).anyMatch(p -> p.startsWith("Reading Baby")).anyMatch(p -> p.startsWith("Found "));
            reply = messages.getLast();
        }
        JsonNode answer = reply.path("answer");
        assertThat(answer.path("mode").asText()).isEqualTo("offline");
        assertThat(answer.path("interpretation").path("criteria").path("categories").get(0).path("label").asText()).isEqualTo("Baby");
        JsonNode summary = reply.path("summary");
        assertThat(summary.path("customers").asLong()).isEqualTo(answer.path("audience").path("audience").path("customers").asLong())
                .isGreaterThan(3);
        assertThat(summary.path("breakdown").get(0).path("reviews").asInt()).isPositive();
        JsonNode quote = summary.path("quotes").get(0);
        String stored = given().queryParam("iri", quote.path("reviewId").asText()).get("/api/reviews").then().statusCode(200)
                .extract().path("text");
        assertThat(stored).isEqualTo(quote.path("text").asText());

        try (Tab again = new Tab(session)) {
            JsonNode ready = again.next("ready");
            assertThat(ready.path("history")).hasSize(1);
            assertThat(ready.path("history").get(0).path("question").asText()).startsWith("who buys baby products");
            assertThat(ready.path("history").get(0).path("reply").path("answer").path("answer").asText())
                    .isEqualTo(answer.path("answer").asText());
        }
    }

    @Test
    void anEditedInterpretationIsRunAgainWithoutReadingText() throws Exception {
        try (Tab tab = new Tab(session())) {
            tab.next("ready");
            tab.send(java.util.Map.of("type", "ask", "question", "who buys baby products and complains about shipping?"));
            JsonNode first = tab.next("reply").path("answer");
            long before = first.path("audience").path("audience").path("customers").asLong();

            ObjectNode reading = (ObjectNode) first.path("interpretation").deepCopy();
            ObjectNode criteria = (ObjectNode) reading.path("criteria");
            criteria.remove("aspects");
            criteria.remove("polarity");
            tab.send(java.util.Map.of("type", "rerun", "reading", reading));
            JsonNode wider = tab.next("reply").path("answer");
            assertThat(wider.path("interpretation").path("criteria").has("aspects")).isFalse();
            assertThat(wider.path("interpretation").path("criteria").path("categories").get(0).path("label").asText()).isEqualTo("Baby");
            assertThat(wider.path("audience").path("audience").path("customers").asLong()).isGreaterThan(before);
            assertThat(wider.path("toolCalls").findValuesAsText("tool")).containsExactly("find_audience");

            reading.put("intent", "segment");
            reading.put("k", 2);
            tab.send(java.util.Map.of("type", "rerun", "reading", reading));
            List<JsonNode> messages = tab.until("reply");
            assertThat(messages).as("numbered segmentation steps, for the progress bar")
                    .anyMatch(m -> m.path("type").asText().equals("progress") && m.path("step").asInt() > 1
                            && m.path("of").asInt() >= m.path("step").asInt() && m.path("text").asText().startsWith("Clustering"));
            JsonNode split = messages.getLast().path("answer");
            assertThat(split.path("segmentation").path("k").asInt()).as(split.path("toolCalls").toString()).isEqualTo(2);
            assertThat(split.path("toolCalls").findValuesAsText("tool")).containsExactly("find_audience", "segment_audience");

            reading.put("intent", "export");
            tab.send(java.util.Map.of("type", "rerun", "reading", reading));
            assertThat(tab.next("error").path("message").asText()).contains("Only an audience or a segmentation");
        }
    }

    @Test
    void badMessagesGetAClearErrorAndABadSessionIdIsRefused() throws Exception {
        try (Tab tab = new Tab(session())) {
            tab.next("ready");
            tab.connection.sendTextAndAwait("{not json");
            assertThat(tab.next("error").path("message").asText()).contains("not JSON");
            tab.send(java.util.Map.of("type", "delete_everything"));
            assertThat(tab.next("error").path("message").asText()).contains("Unknown message type");
            tab.send(java.util.Map.of("type", "ask", "question", "  "));
            assertThat(tab.next("error").path("message").asText()).contains("Ask a question");
        }
        Tab bad = new Tab("not.a.session");
        assertThat(bad.inbox.poll(3, TimeUnit.SECONDS)).as("no ready for an id that is not a name").isNull();
        assertThat(bad.connection.isClosed()).isTrue();
    }
}

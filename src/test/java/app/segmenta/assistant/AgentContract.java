package app.segmenta.assistant;

import app.segmenta.assistant.llm.Agent;
import app.segmenta.assistant.llm.AssistantModels;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/**
 * What the agent does against a model server whatever its wire format: it falls back to the planner when the
 * server fails (once, no retries) or hangs past our timeout, and streams tokens after a streamed tool call. A
 * subclass per wire format (a {@code @QuarkusTest} with its stub) scripts the server and adds its own checks.
 */
abstract class AgentContract {

    private static final Set<Class<?>> IMPORTED = ConcurrentHashMap.newKeySet();

    @Inject
    Agent agent;
    @Inject
    Turns turns;
    @Inject
    AssistantModels models;

    /** Where the agent posts its chats. */
    abstract String chatPath();

    /** The stub forgets what it was told and asked, and lists the configured model from now on. */
    abstract void listTheModel();

    /** The server answers every chat with HTTP 500 and its kind of error body. */
    abstract void failEveryChat();

    /** The server answers every chat 10 s late. */
    abstract void answerEveryChatLate();

    /** The server streams a call of find_audience with these arguments, then (next chat) these tokens. */
    abstract void streamToolCallThenTokens(String argumentsJson, String... tokens);

    @BeforeEach
    void listTheModelAndImportTheFixture() {
        listTheModel();
        models.refresh();
        if (IMPORTED.add(getClass())) {
            HostileReviews.importNow();
        }
    }

    static ValidatableResponse ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question)).post("/api/ask").then();
    }

    /** The JSON schema of a tool's parameters, as a chat request offers the tool (both formats nest it alike). */
    static JsonNode toolParameters(JsonNode request, String tool) {
        for (JsonNode t : request.path("tools")) {
            if (t.path("function").path("name").asText().equals(tool)) {
                return t.path("function").path("parameters");
            }
        }
        throw new AssertionError(tool + " is not offered");
    }

    @Test
    void aServerErrorFallsBackToThePlannerWithANotice() {
        failEveryChat();
        long start = System.nanoTime();
        ask("who buys baby products and complains about shipping?").statusCode(200)
                .body("mode", is("offline"))
                .body("notice", containsString("failed"))
                .body("toolCalls[0].tool", is("find_audience"))
                .body("audience.audience.customers", greaterThan(5));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(ModelServerStub.posts(chatPath())).as("no retries").hasSize(1);
    }

    @Test
    void aHungServerIsCutOffAtOurTimeout() {
        answerEveryChatLate();
        long start = System.nanoTime();
        ask("nursery shoppers unhappy with delivery").statusCode(200)
                .body("mode", is("offline"))
                .body("notice", containsString("did not answer within 3 s"))
                .body("interpretation.criteria.aspects[0].label", is("Shipping & delivery"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void streamedTokensArriveInOrderAfterAStreamedToolCall() {
        streamToolCallThenTokens("{\"categories\":\"baby\",\"aspects\":\"delivery\",\"polarity\":\"negative\"}",
                "Parents ", "waiting ", "for ", "strollers.");
        String session = "stream-" + System.nanoTime();
        Turn turn = turns.begin(session, "who buys baby products and complains about delivery?", null);
        try {
            List<String> tokens = agent.stream(session, turn.question, "2026-11-23").collect().asList()
                    .await().atMost(Duration.ofSeconds(20));
            assertThat(String.join("", tokens)).isEqualTo("Parents waiting for strollers.");
            assertThat(turn.calls()).extracting(ToolCall::tool).containsExactly("find_audience");
            assertThat(turn.audience.audience().customers()).isGreaterThan(5);
        } finally {
            turns.end(session);
        }
        JsonNode first = ModelServerStub.requests(chatPath()).getFirst();
        assertThat(toolParameters(first, "find_audience").path("properties").has("categories")).isTrue();
    }
}

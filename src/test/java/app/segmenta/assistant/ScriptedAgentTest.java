package app.segmenta.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assistant's tools behind a LangChain4j AI service driven by a scripted chat model: each turn of a conversation
 * the model asks for tool calls, and the test checks what the tools did with the conversation (its audience carried
 * into "split them", refined by "only 1-2 stars", compared, a customer placed in the segmentation) and what came back
 * to the model, refusals included.
 */
@QuarkusTest
class ScriptedAgentTest {

    private static boolean imported;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    Turns turns;

    /** The same tools and machinery as the Agent, with the scripted model in place of Ollama. */
    @RegisterAiService(tools = AssistantTools.class, chatLanguageModelSupplier = Scripted.class,
            chatMemoryProviderSupplier = Memory.class)
    @ApplicationScoped
    public interface Chat {
        String chat(@MemoryId String session, @UserMessage String question);
    }

    static final ScriptedModel MODEL = new ScriptedModel();

    public static final class Scripted implements Supplier<ChatModel> {
        @Override
        public ChatModel get() {
            return MODEL;
        }
    }

    public static final class Memory implements Supplier<ChatMemoryProvider> {
        @Override
        public ChatMemoryProvider get() {
            return id -> MessageWindowChatMemory.builder().id(id).maxMessages(40).build();
        }
    }

    @Inject
    Chat chat;

    /** Answers each request with the next scripted message and keeps what it was sent. */
    static final class ScriptedModel implements ChatModel {
        final Deque<AiMessage> script = new ConcurrentLinkedDeque<>();
        final List<List<ChatMessage>> seen = new CopyOnWriteArrayList<>();

        @Override
        public ChatResponse doChat(ChatRequest request) {
            seen.add(request.messages());
            return ChatResponse.builder().aiMessage(script.isEmpty() ? AiMessage.from("(no more script)") : script.poll()).build();
        }

        void then(String tool, String arguments) {
            script.add(AiMessage.from(ToolExecutionRequest.builder().id(tool + script.size()).name(tool).arguments(arguments).build()));
        }

        void say(String words) {
            script.add(AiMessage.from(words));
        }

        /** The tool results the model was sent in its latest request, newest last. */
        List<String> lastToolResults() {
            return seen.getLast().stream().filter(m -> m instanceof ToolExecutionResultMessage)
                    .map(m -> ((ToolExecutionResultMessage) m).text()).toList();
        }
    }

    @BeforeEach
    void importReviews() {
        MODEL.script.clear();
        MODEL.seen.clear();
        if (!imported) {
            imported = true;
            HostileReviews.importNow();
        }
    }

    private Turn turn(String session, String question) {
        Turn t = turns.begin(session, question, null);
        try {
            chat.chat(session, question);
            return t;
        } finally {
            turns.end(session);
        }
    }

    @Test
    void followUpsWorkOnTheConversationsAudienceThroughTheTools() throws Exception {
        ScriptedModel model = MODEL;
        String session = "scripted-" + System.nanoTime();

        model.then("find_audience", "{\"categories\":\"baby products\",\"aspects\":\"shipping\",\"polarity\":\"negative\"}");
        model.say("Baby buyers who complain about shipping.");
        Turn first = turn(session, "who buys baby products and complains about shipping?");
        long customers = first.audience.audience().customers();
        assertThat(customers).isGreaterThan(3);
        JsonNode found = json.readTree(model.lastToolResults().getLast());
        assertThat(found.path("customers").asLong()).as("the model is sent the tool's counts").isEqualTo(customers);

        model.then("segment_audience", "{\"k\":2}");
        model.say("Two groups.");
        Turn split = turn(session, "split them into 2");
        assertThat(split.segmentation.k()).isEqualTo(2);
        assertThat(split.segmentation.customers()).as("the conversation's audience was split").isEqualTo((int) customers);
        assertThat(turns.conversation(session).segmentationId()).isEqualTo(split.segmentation.id());

        model.then("find_audience", "{\"categories\":\"baby products\",\"aspects\":\"shipping\",\"polarity\":\"negative\",\"minStars\":1,\"maxStars\":2}");
        model.say("Fewer of them.");
        Turn refined = turn(session, "only 1-2 stars");
        assertThat(String.valueOf(refined.audience.interpretation().filters().get("maxRating"))).isEqualTo("2");
        assertThat(refined.audience.audience().customers()).isLessThanOrEqualTo(customers);

        model.then("compare_audiences", "{\"categories\":\"strollers\"}");
        model.say("Compared.");
        Turn compared = turn(session, "compare with stroller buyers");
        assertThat(compared.comparison.first().customers()).as("the first side is the refined audience")
                .isEqualTo(refined.audience.audience().customers());
        assertThat(compared.comparison.second().customers()).isPositive();

        model.then("customer_profile", "{\"customerId\":\"hostile-3\"}");
        model.say("Here is why.");
        Turn why = turn(session, "why is customer hostile-3 in segment 2?");
        assertThat(why.customer.id()).isEqualTo("hostile-3");
        assertThat(why.membership.segmentationId()).as("placed in the conversation's segmentation").isEqualTo(split.segmentation.id());
        assertThat(why.membership.reasons()).isNotEmpty();
    }

    @Test
    void aToolThatRefusesTellsTheModelWhyAndNothingChanges() {
        ScriptedModel model = MODEL;
        String session = "scripted-" + System.nanoTime();

        model.then("segment_audience", "{\"k\":3}");
        model.then("customer_profile", "{\"customerId\":\"nobody-42\"}");
        model.then("export", "{\"what\":\"audience\",\"format\":\"csv\"}");
        model.say("Sorry.");
        Turn t = turn(session, "what kinds of customers do we have?");

        assertThat(t.calls()).extracting(ToolCall::tool).containsExactly("segment_audience", "customer_profile", "export");
        assertThat(t.calls()).allMatch(ToolCall::refused);
        List<String> results = model.lastToolResults();
        assertThat(results.get(0)).contains("call find_audience first");
        assertThat(results.get(1)).contains("No customer has the id 'nobody-42'");
        assertThat(results.get(2)).contains("did not ask for an export");
        assertThat(t.segmentation).isNull();
        assertThat(t.export).isNull();
        assertThat(turns.conversation(session).segmentationId()).isNull();
    }
}

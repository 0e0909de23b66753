package app.segmenta.assistant.llm;

import app.segmenta.assistant.AssistantTools;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.mutiny.Multi;

/**
 * The assistant as a LangChain4j AI service over the configured model server (Ollama or OpenAI-compatible): the
 * system prompt (prompts/system.md), the tools, and a chat memory per conversation. Called only through
 * {@code AssistantService}, which bounds it by a timeout and falls back to the offline planner.
 */
@RegisterAiService(tools = AssistantTools.class, chatLanguageModelSupplier = ModelSuppliers.Chat.class,
        streamingChatLanguageModelSupplier = ModelSuppliers.Streaming.class,
        chatMemoryProviderSupplier = ModelSuppliers.Memory.class, maxSequentialToolInvocations = 8)
@ApplicationScoped // not the default request scope: turns run on their own threads, bounded by our timeout
public interface Agent {

    @SystemMessage(fromResource = "prompts/system.md")
    String chat(@MemoryId String session, @UserMessage String question, String today);

    @SystemMessage(fromResource = "prompts/system.md")
    Multi<String> stream(@MemoryId String session, @UserMessage String question, String today);
}

package app.segmenta.assistant.llm;

import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import jakarta.enterprise.inject.spi.CDI;

import java.util.function.Supplier;

/** What the AI services are built with: quarkus-langchain4j instantiates these by class, so they look up our bean. */
final class ModelSuppliers {

    private ModelSuppliers() {
    }

    private static AssistantModels models() {
        return CDI.current().select(AssistantModels.class).get();
    }

    public static final class Chat implements Supplier<ChatModel> {
        @Override
        public ChatModel get() {
            return models().chatModel();
        }
    }

    public static final class Streaming implements Supplier<StreamingChatModel> {
        @Override
        public StreamingChatModel get() {
            return models().streamingChatModel();
        }
    }

    public static final class Memory implements Supplier<ChatMemoryProvider> {
        @Override
        public ChatMemoryProvider get() {
            return models().memory();
        }
    }
}

package app.segmenta.assistant;

import app.segmenta.config.SegmentaConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Conversations kept in the data directory (sessions/ID.json, and ID.messages.json for the model's chat memory),
 * so `ask --session ID` continues across processes and a restarted server keeps its chats. A session id is a name,
 * never a path: anything but letters, digits, '-' and '_' is refused.
 */
@ApplicationScoped
public class Sessions implements ChatMemoryStore {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Path dir;
    private final ObjectMapper json;

    @jakarta.inject.Inject
    public Sessions(SegmentaConfig config, ObjectMapper json) {
        this(config.dataDir().resolve("sessions"), json);
    }

    public Sessions(Path dir, ObjectMapper json) {
        this.dir = dir;
        this.json = json;
    }

    public static String newId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** @throws IllegalArgumentException for an id that is not a plain name */
    public static String check(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A session id is 1 to 64 letters, digits, '-' or '_'.");
        }
        return id;
    }

    public synchronized Conversation load(String id) {
        Path file = dir.resolve(check(id) + ".json");
        if (!Files.exists(file)) {
            return Conversation.start(id);
        }
        try {
            return json.readValue(file.toFile(), Conversation.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read conversation " + id + ": " + e.getMessage(), e);
        }
    }

    public synchronized void save(Conversation c) {
        try {
            write(check(c.id()) + ".json", json.writerWithDefaultPrettyPrinter().writeValueAsString(c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized List<ChatMessage> getMessages(Object memoryId) {
        Path file = dir.resolve(check(String.valueOf(memoryId)) + ".messages.json");
        try {
            return Files.exists(file) ? ChatMessageDeserializer.messagesFromJson(Files.readString(file)) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void updateMessages(Object memoryId, List<ChatMessage> messages) {
        try {
            write(check(String.valueOf(memoryId)) + ".messages.json", ChatMessageSerializer.messagesToJson(messages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void deleteMessages(Object memoryId) {
        try {
            Files.deleteIfExists(dir.resolve(check(String.valueOf(memoryId)) + ".messages.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String name, String content) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

package app.segmenta.assistant;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The turn each conversation is running, found by session id: the model's tool calls carry the id (LangChain4j's
 * memory id), so tools write to the right turn whichever thread runs them. One turn per session at a time.
 */
@ApplicationScoped
public class Turns {

    private final Sessions sessions;
    private final Map<String, Turn> running = new ConcurrentHashMap<>();
    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();

    public Turns(Sessions sessions) {
        this.sessions = sessions;
    }

    /** @throws IllegalStateException when the session is already answering a question */
    Turn begin(String session, String question, Consumer<Progress> progress) {
        Turn t = new Turn(question, progress);
        if (running.putIfAbsent(session, t) != null) {
            throw new IllegalStateException("This conversation is still answering its previous question.");
        }
        conversations.put(session, sessions.load(session));
        return t;
    }

    void end(String session) {
        Conversation c = conversations.remove(session);
        if (c != null) {
            sessions.save(c);
        }
        running.remove(session);
    }

    Turn of(String session) {
        Turn t = running.get(session);
        if (t == null) {
            throw new IllegalStateException("No question is being answered in conversation " + session + ".");
        }
        return t;
    }

    Conversation conversation(String session) {
        return conversations.computeIfAbsent(session, sessions::load);
    }

    void conversation(String session, UnaryOperator<Conversation> change) {
        conversations.compute(session, (id, c) -> change.apply(c == null ? sessions.load(id) : c));
    }
}

package app.segmenta.web;

import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which socket each chat session is on now, and what it was told, so a tab that reconnects after a dropped socket
 * gets the conversation back and the rest of a turn that was running meanwhile. Kept in memory: the conversation
 * itself (audience, segmentation) is in the session store on disk.
 */
@ApplicationScoped
public class ChatChannels {

    private static final Logger LOG = Logger.getLogger(ChatChannels.class);
    private static final int HISTORY = 50;
    private static final int MAX_SESSIONS = 1000;

    /** One question and its reply, as the chat showed them. */
    public record Exchange(String question, Reply reply) {
    }

    private static final class Channel {
        volatile WebSocketConnection connection;
        final AtomicBoolean busy = new AtomicBoolean();
        final List<Exchange> history = new ArrayList<>();
    }

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();

    void attach(String session, WebSocketConnection connection) {
        if (channels.size() > MAX_SESSIONS) {
            channels.values().removeIf(c -> c.connection == null && !c.busy.get());
        }
        channel(session).connection = connection;
    }

    void detach(String session, WebSocketConnection connection) {
        Channel c = channels.get(session);
        if (c != null && c.connection == connection) {
            c.connection = null;
        }
    }

    boolean busy(String session) {
        return channel(session).busy.get();
    }

    /** Claims the session for one turn; false when a turn is already running (from this tab or its earlier socket). */
    boolean start(String session) {
        return channel(session).busy.compareAndSet(false, true);
    }

    void finish(String session) {
        channel(session).busy.set(false);
    }

    List<Exchange> history(String session) {
        Channel c = channel(session);
        synchronized (c.history) {
            return List.copyOf(c.history);
        }
    }

    /** Keeps the newest reply whole (the results pane shows it) and earlier ones as their words and reading only. */
    void remember(String session, String question, Reply reply) {
        Channel c = channel(session);
        synchronized (c.history) {
            if (!c.history.isEmpty()) {
                Exchange last = c.history.removeLast();
                c.history.add(new Exchange(last.question(), last.reply().wordsOnly()));
            }
            c.history.add(new Exchange(question, reply));
            if (c.history.size() > HISTORY) {
                c.history.removeFirst();
            }
        }
    }

    /** Sends to the session's current socket, if it has one open; a closed one just misses the message. */
    void send(String session, String text) {
        WebSocketConnection c = channel(session).connection;
        if (c == null || !c.isOpen()) {
            return;
        }
        try {
            c.sendTextAndAwait(text);
        } catch (RuntimeException e) {
            LOG.debugf("A message to chat session %s was lost: %s", session, e.getMessage());
        }
    }

    private Channel channel(String session) {
        return channels.computeIfAbsent(session, s -> new Channel());
    }
}

package app.segmenta.web;

import app.segmenta.assistant.Answer;
import app.segmenta.assistant.AssistantService;
import app.segmenta.assistant.Progress;
import app.segmenta.assistant.Reading;
import app.segmenta.assistant.Sessions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web chat: one socket per browser tab, named by the tab's session id. In: {@code {"type":"ask","question",
 * "offline"}} or {@code {"type":"rerun","reading"}} (an interpretation the marketer edited). Out: {@code ready}
 * (on connect: the conversation so far, whether a turn is still running), {@code progress} (tool steps, with step
 * and total for long ones), {@code token} (the model's words as they come), {@code reply} (the answer) and
 * {@code error}. A turn keeps running when its socket drops; the rest goes to the tab once it reconnects.
 */
@WebSocket(path = "/ws/chat/{session}")
public class ChatSocket {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class);

    private final AssistantService assistant;
    private final ChatChannels channels;
    private final Summaries summaries;
    private final ObjectMapper json;

    public ChatSocket(AssistantService assistant, ChatChannels channels, Summaries summaries, ObjectMapper json) {
        this.assistant = assistant;
        this.channels = channels;
        this.summaries = summaries;
        this.json = json;
    }

    @OnOpen
    public String open(WebSocketConnection connection) {
        String session;
        try {
            session = Sessions.check(connection.pathParam("session"));
        } catch (IllegalArgumentException e) {
            // a session id is a file name in the session store: anything else is turned away at the door
            connection.close().subscribe().with(done -> { }, failure -> { });
            return null;
        }
        channels.attach(session, connection);
        return write(Map.of("type", "ready", "session", session, "busy", channels.busy(session),
                "history", channels.history(session)));
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        channels.detach(connection.pathParam("session"), connection);
    }

    @OnTextMessage
    @RunOnVirtualThread
    public void message(String text, WebSocketConnection connection) {
        String session = connection.pathParam("session");
        JsonNode m;
        try {
            m = json.readTree(text);
        } catch (JsonProcessingException e) {
            channels.send(session, error("That message is not JSON."));
            return;
        }
        String type = m.path("type").asText();
        if (!type.equals("ask") && !type.equals("rerun")) {
            channels.send(session, error("Unknown message type '" + type + "': send ask or rerun."));
            return;
        }
        if (!channels.start(session)) {
            channels.send(session, error("Still answering the previous question; ask again when it is done."));
            return;
        }
        String question = type.equals("ask") ? m.path("question").asText("") : "(the interpretation, edited)";
        try {
            Answer a = type.equals("ask")
                    ? assistant.ask(new AssistantService.Question(question, session, m.path("offline").asBoolean(false)),
                    p -> channels.send(session, progress(p)), t -> channels.send(session, write(Map.of("type", "token", "text", t))))
                    : assistant.rerun(session, json.treeToValue(m.path("reading"), Reading.class), p -> channels.send(session, progress(p)));
            Reply reply = Reply.of(a, summaries.of(a.audience()), summaries.adLists());
            channels.remember(session, question, reply);
            channels.send(session, write(reply));
        } catch (IllegalArgumentException | IllegalStateException | JsonProcessingException e) {
            channels.send(session, error(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("A chat turn failed", e);
            channels.send(session, error("Something went wrong answering that (" + e.getClass().getSimpleName()
                    + "); the details are in the server log."));
        } finally {
            channels.finish(session);
        }
    }

    private String progress(Progress p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "progress");
        out.put("text", p.text());
        if (p.step() != null) {
            out.put("step", p.step());
            out.put("of", p.of());
        }
        return write(out);
    }

    private String error(String message) {
        return write(Map.of("type", "error", "message", message == null ? "That did not work." : message));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

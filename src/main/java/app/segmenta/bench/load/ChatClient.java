package app.segmenta.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** One browser tab's chat socket, as the page speaks it: ask, then wait for the reply (or an error). */
final class ChatClient implements WebSocket.Listener, AutoCloseable {

    private final ObjectMapper json;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
    private volatile CompletableFuture<JsonNode> answer;
    private final WebSocket socket;

    ChatClient(HttpClient http, URI base, String session, String authorization, ObjectMapper json) throws Exception {
        this.json = json;
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/+$", "") + "/ws/chat/" + session);
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        socket = b.buildAsync(uri, this).get(60, TimeUnit.SECONDS);
        ready.get(60, TimeUnit.SECONDS);
    }

    /** The reply (type reply) or error (type error) to one question. */
    JsonNode ask(String question, Duration timeout) throws Exception {
        answer = new CompletableFuture<>();
        socket.sendText(json.writeValueAsString(Map.of("type", "ask", "question", question, "offline", true)), true)
                .get(30, TimeUnit.SECONDS);
        return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                JsonNode m = json.readTree(text);
                switch (m.path("type").asText()) {
                    case "ready" -> ready.complete(m);
                    case "reply", "error" -> {
                        CompletableFuture<JsonNode> waiting = answer;
                        if (waiting != null) {
                            waiting.complete(m);
                        }
                    }
                    default -> { }
                }
            } catch (Exception e) {
                fail(e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        fail(new IllegalStateException("socket closed: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        fail(error);
    }

    private void fail(Throwable e) {
        ready.completeExceptionally(e);
        CompletableFuture<JsonNode> waiting = answer;
        if (waiting != null) {
            waiting.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }
}

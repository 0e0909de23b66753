package app.segmenta.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A stand-in model server (WireMock) for the assistant's contract tests: a subclass speaks one server's real wire
 * format and points the assistant at it; each test scripts its replies. One stub runs at a time, for the test
 * class that names it.
 */
public abstract class ModelServerStub implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The settings that point the assistant at a server listening at this address (http://host:port). */
    protected abstract Map<String, String> settings(String address);

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Map<String, String> config = new HashMap<>(Map.of("segmenta.assistant.mode", "auto",
                "segmenta.assistant.timeout", "3s",
                "segmenta.assistant.request-timeout", "8s"));
        config.putAll(settings("http://127.0.0.1:" + server.port()));
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Answers POSTs to this path with these bodies in order, one per request. */
    static void script(String path, String contentType, String... replies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < replies.length; i++) {
            String next = "step-" + (i + 1);
            server.stubFor(post(path).inScenario("chat").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(replies[i]))
                    .willSetStateTo(next));
            state = next;
        }
    }

    /** The POSTs to this path so far, in order. */
    static List<LoggedRequest> posts(String path) {
        return server.findAll(postRequestedFor(urlEqualTo(path)));
    }

    /** The JSON bodies of the POSTs to this path so far, in order. */
    static List<JsonNode> requests(String path) {
        List<JsonNode> out = new ArrayList<>();
        for (LoggedRequest r : posts(path)) {
            try {
                out.add(JSON.readTree(r.getBodyAsString()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}

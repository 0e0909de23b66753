package app.segmenta.assistant;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

/** Scripts the Ollama stub from tests in other packages. */
public final class OllamaStubAccess {

    private OllamaStubAccess() {
    }

    /** The model lists itself and answers the next chat with these streamed tokens (no tool calls). */
    public static void scriptStream(String... tokens) {
        OllamaStub.server.resetAll();
        OllamaStub.server.stubFor(get("/api/tags").willReturn(okJson(OllamaStub.tags("qwen2.5:7b-instruct"))));
        OllamaStub.server.stubFor(post("/api/chat").inScenario("stream").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withHeader("Content-Type", "application/x-ndjson").withBody(OllamaStub.streamed(tokens))));
    }
}

package app.segmenta.search;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "ollama:NAME" embeds through Ollama's /api/embed; a stub that speaks its wire format stands in for the server. */
class OllamaEmbeddingTest {

    private WireMockServer ollama;

    @BeforeEach
    void start() {
        ollama = new WireMockServer(options().dynamicPort());
        ollama.start();
    }

    @AfterEach
    void stop() {
        ollama.stop();
    }

    @Test
    void embedsThroughOllamaAndMakesVectorsUnitLength() {
        ollama.stubFor(post(urlEqualTo("/api/embed"))
                .withRequestBody(equalToJson("{\"model\":\"nomic-embed-text\",\"input\":[\"late parcel\",\"soft fabric\"]}", true, true))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"model":"nomic-embed-text","embeddings":[[3.0,4.0,0.0],[0.0,0.0,2.0]],
                         "total_duration":14143917,"load_duration":1019500,"prompt_eval_count":8}""")));
        Embedder embedder = new Embedder("ollama:nomic-embed-text", Path.of("target/djl-cache"), ollama.baseUrl(),
                Duration.ofSeconds(5));
        List<float[]> vectors = embedder.embedAll(List.of("late parcel", "soft fabric"));
        assertThat(vectors.get(0)).containsExactly(0.6f, 0.8f, 0.0f);
        assertThat(vectors.get(1)).containsExactly(0.0f, 0.0f, 1.0f);
        assertThat(embedder.fileName()).isEqualTo("ollama-nomic-embed-text");
        ollama.verify(1, postRequestedFor(urlEqualTo("/api/embed")));
    }

    @Test
    void anUnreachableServerIsAnErrorNotAHang() {
        int port = ollama.port();
        ollama.stop();
        Embedder embedder = new Embedder("ollama:nomic-embed-text", Path.of("target/djl-cache"),
                "http://127.0.0.1:" + port, Duration.ofSeconds(2));
        long start = System.nanoTime();
        assertThatThrownBy(() -> embedder.embed("late parcel")).isInstanceOf(RuntimeException.class);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
    }

    @Test
    void anUnknownModelNameIsRefusedUpFront() {
        assertThatThrownBy(() -> new Embedder("word2vec", Path.of("target/djl-cache")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ollama:NAME");
    }
}

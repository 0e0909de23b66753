package app.segmenta.bench.load;

import app.segmenta.assistant.HostileReviews;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The load client against the app: it asks over real sockets, counts what came back, and reads the server's memory. */
@QuarkusTest
@TestProfile(LoadRunTest.OwnStore.class)
class LoadRunTest {

    /** Its imports and segmentations must not crowd the store the other test apps of the run share. */
    public static class OwnStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("segmenta.data-dir", "target/test-data/load-" + java.util.UUID.randomUUID());
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void itAsksUpToItsBoundAndAccountsForEveryQuestion() throws Exception {
        HostileReviews.importNow();
        LoadRun.Report r = new LoadRun().run(new LoadRun.Plan(base, 3, Duration.ofSeconds(90), 6, 1, 40, true, null, null,
                Duration.ofSeconds(30)), line -> { });
        // six questions in all: the audiences are answered; on this small store the follow-ups find too few
        // customers to segment, which the client must count as errors, not as answers
        assertThat(r.answers() + r.errors()).isGreaterThanOrEqualTo(6);
        assertThat(r.latencies()).extracting(LoadRun.Latency::kind).contains("audience", "all");
        assertThat(r.latencies().getFirst().medianMs()).isPositive();
        assertThat(r.errorSamples()).anyMatch(e -> e.startsWith("segment:"));
        assertThat(r.imports()).isPositive();
        assertThat(r.importedRows()).isEqualTo(40L * r.imports());
        assertThat(r.peakHeap()).as("read from the server's metrics").isPositive();
    }

    @Test
    void itDrivesOnlyAServerOnThisMachine() {
        assertThatThrownBy(() -> LoadRun.requireLoopback(URI.create("http://192.0.2.10:8080")))
                .hasMessageContaining("loopback");
        LoadRun.requireLoopback(URI.create("http://127.0.0.1:8080"));
        LoadRun.requireLoopback(URI.create("http://localhost:8080"));
    }
}

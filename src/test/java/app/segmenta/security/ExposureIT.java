package app.segmenta.security;

import app.segmenta.web.PackagedApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged app as an operator starts it beyond loopback: refused without credentials, guarded with them. */
class ExposureIT {

    private static Path fresh(String name) throws IOException {
        Path dir = Path.of("target", name);
        if (Files.exists(dir)) {
            PathUtils.deleteDirectory(dir);
        }
        return dir;
    }

    @Test
    void listeningOnAllInterfacesWithoutCredentialsRefusesToStart() throws Exception {
        Path log = Path.of("target/exposure-refused.log");
        try (PackagedApp app = PackagedApp.launch(fresh("exposure-refused"), List.of("--host", "0.0.0.0", "--no-demo"),
                Map.of(), log)) {
            Integer exit = app.awaitExit(Duration.ofSeconds(120));
            assertThat(exit).as("the app should stop by itself").isNotNull().isNotZero();
        }
        assertThat(Files.readString(log)).contains("without authentication").contains("SEGMENTA_AUTH_TOKEN");
    }

    @Test
    void withATokenItServesOnlyCallersWhoPresentItAndLogsJsonLines() throws Exception {
        Path log = Path.of("target/exposure-guarded.log");
        try (PackagedApp app = PackagedApp.launch(fresh("exposure-guarded"), List.of("--host", "0.0.0.0", "--no-demo"),
                Map.of("SEGMENTA_AUTH_TOKEN", "t0ken", "SEGMENTA_LOG_JSON", "true"), log)) {
            app.awaitRunning(Duration.ofSeconds(120));
            HttpClient http = HttpClient.newHttpClient();
            assertThat(status(http, app.url + "/api/categories", null)).isEqualTo(401);
            assertThat(status(http, app.url + "/api/categories", "Bearer t0ken")).isEqualTo(200);
            assertThat(status(http, app.url + "/q/health/live", null)).isEqualTo(200);
        }
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(log);
        String started = lines.stream().filter(l -> l.contains("started in")).findFirst().orElseThrow();
        JsonNode record = json.readTree(started);
        assertThat(record.path("level").asText()).isEqualTo("INFO");
        assertThat(record.path("loggerName").asText()).isEqualTo("io.quarkus");
        assertThat(record.path("message").asText()).contains("started in");
        assertThat(record.has("timestamp")).isTrue();
    }

    private static int status(HttpClient http, String url, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

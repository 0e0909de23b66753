package app.segmenta.ingest;

import app.segmenta.bench.load.Uploader;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged app killed with SIGKILL in the middle of an import and in the middle of a segmentation, then started
 * again on the same data directory: the store opens, holds whole batches only, loses and duplicates nothing; the
 * import resumes from its kept upload; the segmentation left nothing half-written and runs again to the same result.
 */
class CrashIT {

    private static final int ROWS = 3000;
    private static final int CUSTOMERS = 600;
    private static final int BATCH = 100;
    private static final Map<String, String> ENV = Map.of("SEGMENTA_INGEST_BATCH_SIZE", Integer.toString(BATCH));
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void killedDuringImportAndSegmentationTheStoreStaysWholeAndTheWorkResumes() throws Exception {
        Path data = Path.of("target/crash-data");
        if (Files.exists(data)) {
            PathUtils.deleteDirectory(data);
        }
        Path csv = Files.createDirectories(Path.of("target")).resolve("crash-reviews.csv");
        Files.writeString(csv, reviews(), StandardCharsets.UTF_8);

        // 1. killed while importing
        String jobId;
        try (PackagedApp app = start(data, "crash-1")) {
            jobId = upload(app, csv);
            JsonNode job = awaitJob(app, jobId, j -> j.path("rowsRead").asLong() >= 5 * BATCH, Duration.ofSeconds(120));
            assertThat(job.path("state").asText()).as("still reading rows when killed").isEqualTo("running");
            app.kill();
        }
        long afterImportKill;
        String runId;
        try (PackagedApp app = start(data, "crash-2")) {
            afterImportKill = reviews(app);
            assertThat(afterImportKill).as("whole batches only").isPositive().isLessThan(ROWS);
            assertThat(afterImportKill % BATCH).isZero();
            JsonNode interrupted = jobs(app).stream().filter(j -> j.path("state").asText().equals("interrupted"))
                    .findFirst().orElseThrow(() -> new AssertionError("no interrupted import listed"));
            runId = interrupted.path("id").asText();
            JsonNode resumed = json.readTree(send(app, "POST", "/api/imports/" + runId + "/resume", null, 202));
            JsonNode done = awaitJob(app, resumed.path("id").asText(), j -> j.path("state").asText().equals("completed"),
                    Duration.ofMinutes(5));
            assertThat(done.at("/summary/unchanged").asLong()).isEqualTo(afterImportKill);
            assertThat(done.at("/summary/imported").asLong()).isEqualTo(ROWS - afterImportKill);
            assertThat(reviews(app)).as("nothing lost, nothing twice").isEqualTo(ROWS);
            assertThat(customers(app)).isEqualTo(CUSTOMERS);
            assertThat(jobs(app).stream().filter(j -> j.path("id").asText().equals(runId)).findFirst().orElseThrow()
                    .path("state").asText()).isEqualTo("resumed");

            // 2. killed while segmenting
            String request = "{\"seed\": 7}";
            CompletableFuture<HttpResponse<String>> running = http.sendAsync(post(app, "/api/segmentations", request),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(1500);
            assertThat(running).as("the segmentation must still be running when the process is killed").isNotDone();
            app.kill();
        }
        try (PackagedApp app = start(data, "crash-3")) {
            assertThat(reviews(app)).isEqualTo(ROWS);
            assertThat(customers(app)).isEqualTo(CUSTOMERS);
            assertThat(json.readTree(send(app, "GET", "/api/segmentations", null, 200))).as("nothing half-written").isEmpty();
            JsonNode first = json.readTree(send(app, "POST", "/api/segmentations", "{\"seed\": 7}", 200)).path("segmentation");
            long members = 0;
            for (JsonNode s : first.path("segments")) {
                members += s.path("size").asLong();
            }
            assertThat(members + first.path("unassigned").size()).isEqualTo(CUSTOMERS);
            JsonNode again = json.readTree(send(app, "POST", "/api/segmentations", "{\"seed\": 7}", 200)).path("segmentation");
            assertThat(again.path("k").asInt()).isEqualTo(first.path("k").asInt());
            assertThat(again.path("segments").findValuesAsText("size")).isEqualTo(first.path("segments").findValuesAsText("size"));
            assertThat(json.readTree(send(app, "GET", "/api/segmentations", null, 200))).hasSize(2);
        }
    }

    private static PackagedApp start(Path data, String name) throws IOException, InterruptedException {
        PackagedApp app = PackagedApp.launch(data, List.of("--no-demo"), ENV, Path.of("target/" + name + ".log"));
        app.awaitRunning(Duration.ofMinutes(5));
        return app;
    }

    /** Reviews from {@value CUSTOMERS} customers across a few categories, each text different. */
    private static String reviews() {
        return Uploader.reviews("crash", ROWS, CUSTOMERS);
    }

    private String upload(PackagedApp app, Path csv) throws Exception {
        String boundary = UUID.randomUUID().toString();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"crash-reviews.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.url + "/api/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(csv), HttpRequest.BodyPublishers.ofByteArray(tail))).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json.readTree(r.body()).path("id").asText();
    }

    private JsonNode awaitJob(PackagedApp app, String id, java.util.function.Predicate<JsonNode> until, Duration max)
            throws Exception {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            JsonNode job = json.readTree(send(app, "GET", "/api/imports/" + id, null, 200));
            if (until.test(job)) {
                return job;
            }
            assertThat(job.path("state").asText()).isNotEqualTo("failed");
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not get there in " + max);
    }

    private List<JsonNode> jobs(PackagedApp app) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        json.readTree(send(app, "GET", "/api/imports", null, 200)).forEach(out::add);
        return out;
    }

    private long reviews(PackagedApp app) throws Exception {
        return json.readTree(send(app, "GET", "/api/audience", null, 200)).at("/audience/reviews").asLong();
    }

    private long customers(PackagedApp app) throws Exception {
        return json.readTree(send(app, "GET", "/api/audience", null, 200)).at("/audience/customers").asLong();
    }

    private HttpRequest post(PackagedApp app, String path, String body) {
        return HttpRequest.newBuilder(URI.create(app.url + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String send(PackagedApp app, String method, String path, String body, int expected) throws Exception {
        HttpRequest request = body != null ? post(app, path, body)
                : HttpRequest.newBuilder(URI.create(app.url + path)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return r.body();
    }
}

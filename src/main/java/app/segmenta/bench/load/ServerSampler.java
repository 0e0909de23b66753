package app.segmenta.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server holds, read from outside: heap in use and live after the last major collection (its Prometheus
 * metrics), and, when the server runs on this machine and its pid is known, resident memory and open files (/proc).
 */
final class ServerSampler {

    /** One reading; -1 where not known. */
    record Sample(long heapUsed, long liveAfterGc, long rss, long openFiles) {
    }

    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)");
    private static final Pattern LIVE = Pattern.compile("(?m)^jvm_gc_live_data_size_bytes(?:\\{[^}]*})? ([0-9.E+]+)");
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

    private final HttpClient http;
    private final URI metrics;
    private final String authorization;
    private final Long pid;

    ServerSampler(HttpClient http, URI base, String authorization, Long pid) {
        this.http = http;
        this.metrics = base.resolve("/q/metrics");
        this.authorization = authorization;
        this.pid = pid;
    }

    Sample sample() {
        long heap = -1;
        long live = -1;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10));
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            String body = http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
            heap = sum(HEAP.matcher(body));
            live = sum(LIVE.matcher(body));
        } catch (IOException e) {
            // the server is busy or gone: this second has no reading
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Sample(heap, live, rss().orElse(-1), openFiles().orElse(-1));
    }

    private static long sum(Matcher m) {
        double total = 0;
        boolean any = false;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
            any = true;
        }
        return any ? (long) total : -1;
    }

    private OptionalLong rss() {
        if (pid == null) {
            return OptionalLong.empty();
        }
        try {
            Matcher m = RSS.matcher(Files.readString(Path.of("/proc", pid.toString(), "status")));
            return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) * 1024) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private OptionalLong openFiles() {
        if (pid == null) {
            return OptionalLong.empty();
        }
        try (var fds = Files.list(Path.of("/proc", pid.toString(), "fd"))) {
            return OptionalLong.of(fds.count());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}

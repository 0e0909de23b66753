package app.segmenta.bench.load;

import app.segmenta.security.Exposure;
import app.segmenta.text.Counts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Drives a running Segmenta from outside, on loopback only: chat sessions asking audience questions and segmenting
 * each answer in offline mode, optionally with imports running beside them, bounded in time and in questions,
 * while the server's memory (and, given its pid, resident size and open files) is read every second.
 */
public final class LoadRun {

    /** Audience question, then the follow-up that segments it (audiences of 78, 1,578 and 282 customers in the demo data). */
    static final String[][] QUESTIONS = {
            {"who buys baby products and complains about shipping?", "split them into 3 segments"},
            {"who buys apparel and complains about size & fit?", "segment them"},
            {"which women's tops buyers gave 1 or 2 stars?", "split them into 4 segments"}};

    /**
     * @param importers  import loops running beside the chats (0 = none)
     * @param freshData  each import brings new reviews; else every import sends the same file again (the store stays the same size)
     */
    public record Plan(URI url, int sessions, Duration duration, long maxQuestions, int importers, int importRows,
                       boolean freshData, String authorization, Long pid, Duration window) {
    }

    public record Latency(String kind, long count, double medianMs, double p95Ms, double maxMs) {
    }

    /** One stretch of the run; memory figures are the last reading in it (live = after the last major GC). */
    public record Window(long endSecond, long answers, double medianMs, long heapPeak, long liveAfterGc, long rss,
                         long openFiles) {
    }

    public record Report(int sessions, int importers, double seconds, long answers, double answersPerSecond,
                         long errors, List<String> errorSamples, List<Latency> latencies, long imports,
                         long importedRows, double importRowsPerSecond, double importMedianSeconds, long peakHeap,
                         long peakRss, List<Window> windows) {
    }

    private record Timed(String kind, long endNanos, double millis) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final List<Timed> timings = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<double[]> importTimes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong asked = new AtomicLong();
    private final AtomicLong importedRows = new AtomicLong();
    /** Sessions still asking: imports stop with the last of them (after one file each at least). */
    private final java.util.concurrent.atomic.AtomicInteger chatting = new java.util.concurrent.atomic.AtomicInteger();

    public static void requireLoopback(URI url) {
        if (Exposure.beyondLoopback(url.getHost())) {
            throw new IllegalArgumentException("The load client only drives a server on this machine (loopback), not " + url.getHost() + ".");
        }
    }

    public Report run(Plan plan, Consumer<String> progress) throws InterruptedException {
        requireLoopback(plan.url());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        ServerSampler sampler = new ServerSampler(http, plan.url(), plan.authorization(), plan.pid());
        List<ServerSampler.Sample> samples = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        long deadline = started + plan.duration().toNanos();
        ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor();
        every.scheduleAtFixedRate(() -> samples.add(sampler.sample()), 0, 1, TimeUnit.SECONDS);
        every.scheduleAtFixedRate(() -> progress.accept(String.format("%3ds: %s, %s, %s imported",
                (System.nanoTime() - started) / 1_000_000_000L, Counts.of(timings.size(), "answer"),
                Counts.of(errors.size(), "error"), Counts.of(importedRows.get(), "row"))), 10, 10, TimeUnit.SECONDS);
        chatting.set(plan.sessions());
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < plan.sessions(); s++) {
                workers.submit(() -> chat(http, plan, deadline));
            }
            for (int i = 0; i < plan.importers(); i++) {
                int importer = i;
                workers.submit(() -> imports(http, plan, importer, deadline));
            }
        } finally {
            every.shutdownNow();
        }
        return report(plan, started, System.nanoTime(), new ArrayList<>(samples));
    }

    private void chat(HttpClient http, LoadRun.Plan plan, long deadline) {
        try (ChatClient client = new ChatClient(http, plan.url(), UUID.randomUUID().toString(), plan.authorization(), json)) {
            for (int pair = 0; System.nanoTime() < deadline; pair++) {
                String[] q = QUESTIONS[pair % QUESTIONS.length];
                for (int i = 0; i < 2 && System.nanoTime() < deadline; i++) {
                    if (asked.incrementAndGet() > plan.maxQuestions()) {
                        return;
                    }
                    String kind = i == 0 ? "audience" : "segment";
                    long t0 = System.nanoTime();
                    JsonNode answer = client.ask(q[i], Duration.ofMinutes(10));
                    long t1 = System.nanoTime();
                    if (answer.path("type").asText().equals("error")) {
                        errors.add(kind + ": " + answer.path("message").asText());
                    } else if (kind.equals("segment") && !answer.at("/answer/segmentation").isObject()) {
                        errors.add("segment: answered without segments: " + answer.at("/answer/answer").asText().lines().findFirst().orElse(""));
                    } else {
                        timings.add(new Timed(kind, t1, (t1 - t0) / 1e6));
                    }
                }
            }
        } catch (Exception e) {
            errors.add("session: " + e);
        } finally {
            chatting.decrementAndGet();
        }
    }

    private void imports(HttpClient http, Plan plan, int importer, long deadline) {
        Uploader uploader = new Uploader(http, plan.url(), plan.authorization(), json);
        for (int n = 0; n == 0 || System.nanoTime() < deadline && (plan.sessions() == 0 || chatting.get() > 0); n++) {
            String tag = plan.freshData() ? "load" + importer + "x" + n + "x" + Long.toString(System.nanoTime(), 36) : "soak" + importer;
            try {
                long t0 = System.nanoTime();
                JsonNode job = uploader.importAndWait(tag + ".csv", Uploader.reviews(tag, plan.importRows()), Duration.ofMinutes(10));
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (!job.path("state").asText().equals("completed")) {
                    errors.add("import: " + job.path("error").asText());
                    continue;
                }
                long rows = job.at("/summary/read").asLong();
                importedRows.addAndGet(rows);
                importTimes.add(new double[]{seconds, rows});
            } catch (Exception e) {
                errors.add("import: " + e);
            }
        }
    }

    private Report report(Plan plan, long started, long ended, List<ServerSampler.Sample> samples) {
        List<Timed> all = new ArrayList<>(timings);
        List<Latency> latencies = new ArrayList<>();
        for (String kind : new String[]{"audience", "segment", "all"}) {
            double[] ms = all.stream().filter(t -> kind.equals("all") || t.kind().equals(kind)).mapToDouble(Timed::millis).toArray();
            if (ms.length > 0) {
                latencies.add(new Latency(kind, ms.length, percentile(ms, 50), percentile(ms, 95), Arrays.stream(ms).max().orElse(0)));
            }
        }
        double seconds = (ended - started) / 1e9;
        List<Window> windows = new ArrayList<>();
        long windowNanos = plan.window().toNanos();
        int perWindow = (int) Math.max(1, plan.window().toSeconds());
        for (long from = started, w = 0; from < ended; from += windowNanos, w++) {
            long to = from + windowNanos;
            long f = from;
            double[] ms = all.stream().filter(t -> t.endNanos() >= f && t.endNanos() < to).mapToDouble(Timed::millis).toArray();
            List<ServerSampler.Sample> in = samples.subList((int) Math.min(samples.size(), w * perWindow),
                    (int) Math.min(samples.size(), (w + 1) * perWindow));
            ServerSampler.Sample last = in.isEmpty() ? new ServerSampler.Sample(-1, -1, -1, -1) : in.getLast();
            windows.add(new Window(Math.round((Math.min(to, ended) - started) / 1e9), ms.length,
                    ms.length == 0 ? 0 : percentile(ms, 50), in.stream().mapToLong(ServerSampler.Sample::heapUsed).max().orElse(-1),
                    last.liveAfterGc(), last.rss(), last.openFiles()));
        }
        double[] importSeconds = importTimes.stream().mapToDouble(t -> t[0]).toArray();
        List<String> errorList = new ArrayList<>(errors);
        return new Report(plan.sessions(), plan.importers(), seconds, all.size(), all.size() / seconds, errorList.size(),
                errorList.stream().distinct().limit(5).toList(), latencies, importSeconds.length, importedRows.get(),
                importedRows.get() / seconds, importSeconds.length == 0 ? 0 : percentile(importSeconds, 50),
                samples.stream().mapToLong(ServerSampler.Sample::heapUsed).max().orElse(-1),
                samples.stream().mapToLong(ServerSampler.Sample::rss).max().orElse(-1), windows);
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}

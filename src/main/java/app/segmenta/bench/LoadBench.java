package app.segmenta.bench;

import app.segmenta.bench.load.LoadRun;
import app.segmenta.cli.Output;
import app.segmenta.text.Counts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load benchmark against a running Segmenta on this machine (loopback only): chat sessions over "
                + "the web socket asking audience questions and segmenting each answer, offline, optionally with imports "
                + "beside them; bounded in time and questions. Reports answers/s, median and p95 latency, errors, and the "
                + "server's peak heap (and, with --pid, resident memory and open files), per window for soak runs. "
                + "Opens no data directory of its own.")
@Dependent
public class LoadBench implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "The server (default http://127.0.0.1:8080).")
    URI url;

    @Option(names = "--sessions", defaultValue = "50", description = "Concurrent chat sessions (default 50).")
    int sessions;

    @Option(names = "--duration", defaultValue = "PT2M", description = "How long, ISO-8601 (default PT2M; PT30M for a soak).")
    Duration duration;

    @Option(names = "--max-questions", defaultValue = "100000", description = "Stop after this many questions in all.")
    long maxQuestions;

    @Option(names = "--importers", defaultValue = "0", description = "Import loops beside the chats (default 0).")
    int importers;

    @Option(names = "--import-rows", defaultValue = "500", description = "Rows per imported file (default 500).")
    int importRows;

    @Option(names = "--same-imports", description = "Every import sends the same file again (the store stays the same size; for soaks).")
    boolean sameImports;

    @Option(names = "--token", description = "The server's segmenta.auth.token, if it has one (default $SEGMENTA_AUTH_TOKEN).")
    String token;

    @Option(names = "--pid", description = "The server's process id, to read its resident memory and open files from /proc.")
    Long pid;

    @Option(names = "--window", defaultValue = "PT1M", description = "Length of each reported stretch (default PT1M).")
    Duration window;

    @Option(names = "--out", description = "Also write the report as JSON to this file.")
    Path out;

    private final Output output;

    public LoadBench(Output output) {
        this.output = output;
    }

    @Override
    public Integer call() throws Exception {
        String secret = token != null ? token : System.getenv("SEGMENTA_AUTH_TOKEN");
        LoadRun.Plan plan = new LoadRun.Plan(url, sessions, duration, maxQuestions, importers, importRows, !sameImports,
                secret == null || secret.isBlank() ? null : "Bearer " + secret, pid, window);
        LoadRun.Report r = new LoadRun().run(plan, output.err()::println);
        var o = output.out();
        o.printf("%s, %s, %.0f s: %s (%.2f/s), %s%n", Counts.of(r.sessions(), "session"),
                Counts.of(r.importers(), "importer"), r.seconds(), Counts.of(r.answers(), "answer"), r.answersPerSecond(),
                Counts.of(r.errors(), "error"));
        r.errorSamples().forEach(e -> o.println("  error: " + e));
        o.printf("%-9s %7s %11s %11s %11s%n", "answers", "count", "median ms", "p95 ms", "max ms");
        for (LoadRun.Latency l : r.latencies()) {
            o.printf("%-9s %7d %11.0f %11.0f %11.0f%n", l.kind(), l.count(), l.medianMs(), l.p95Ms(), l.maxMs());
        }
        if (r.imports() > 0) {
            o.printf("imports: %,d done, %s, %.1f rows/s overall, median %.1f s per %d-row file (upload to embedded)%n",
                    r.imports(), Counts.of(r.importedRows(), "row"), r.importRowsPerSecond(), r.importMedianSeconds(), importRows);
        }
        o.printf("server peak heap %s, peak resident %s%n", mib(r.peakHeap()), mib(r.peakRss()));
        o.printf("%8s %8s %10s %10s %12s %10s %6s%n", "until s", "answers", "median ms", "heap peak", "live after GC", "resident", "files");
        for (LoadRun.Window w : r.windows()) {
            o.printf("%8d %8d %10.0f %10s %12s %10s %6s%n", w.endSecond(), w.answers(), w.medianMs(), mib(w.heapPeak()),
                    mib(w.liveAfterGc()), mib(w.rss()), w.openFiles() < 0 ? "-" : Long.toString(w.openFiles()));
        }
        if (out != null) {
            Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
        }
        return r.errors() == 0 ? 0 : 2;
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "-" : (bytes >> 20) + " MiB";
    }
}

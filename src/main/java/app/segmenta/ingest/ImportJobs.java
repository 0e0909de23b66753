package app.segmenta.ingest;

import app.segmenta.ops.Metrics;

import app.segmenta.aspects.AspectSummary;
import app.segmenta.aspects.ReviewAspects;
import app.segmenta.catalog.GraphStore;
import app.segmenta.catalog.Queries;
import app.segmenta.catalog.Vocab;
import app.segmenta.search.EmbeddingSummary;
import app.segmenta.search.ReviewVectors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Background imports, one at a time (TDB2 has a single writer), each followed by embedding its new reviews,
 * with progress that REST can poll.
 */
@ApplicationScoped
public class ImportJobs {

    /** Reads summaries stored by earlier versions too. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);

    private final Importer importer;
    private final GraphStore store;
    private final ReviewVectors vectors;
    private final ReviewAspects aspects;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "segmenta-import");
        t.setDaemon(true);
        return t;
    });
    private final Metrics metrics;
    private final Map<String, Tracker> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Finished jobs kept in memory for their progress view; older ones are listed from the store's import runs. */
    private static final int KEEP_FINISHED = 100;

    public ImportJobs(Importer importer, GraphStore store, ReviewVectors vectors, ReviewAspects aspects, Metrics metrics) {
        this.metrics = metrics;
        this.importer = importer;
        this.store = store;
        this.vectors = vectors;
        this.aspects = aspects;
    }

    /** Queues an import; {@code also} hears progress too (the terminal, for the demo import). */
    public Submitted submit(Path file, ImportOptions options, JobListener also) {
        String id = UUID.randomUUID().toString();
        String source = options.sourceName() != null ? options.sourceName() : file.getFileName().toString();
        Tracker tracker = new Tracker(id, source, also);
        forgetOldFinished();
        jobs.put(id, tracker);
        tracker.done = CompletableFuture.supplyAsync(() -> {
            try {
                ImportSummary summary = importer.importFile(file, options, tracker);
                EmbeddingSummary embedded = vectors.embedPending(tracker);
                tracker.embedding(embedded);
                tracker.aspects(aspects.detectPending(tracker, LOG::info));
                metrics.imported(summary, embedded);
                return summary;
            } catch (RuntimeException e) {
                metrics.importFailed();
                tracker.failed(e);
                throw e;
            }
        }, executor);
        return new Submitted(id, tracker.done);
    }

    private void forgetOldFinished() {
        synchronized (jobs) {
            long finished = jobs.values().stream().filter(t -> t.done != null && t.done.isDone()).count();
            var it = jobs.values().iterator();
            while (finished > KEEP_FINISHED && it.hasNext()) {
                Tracker t = it.next();
                if (t.done != null && t.done.isDone()) {
                    it.remove();
                    finished--;
                }
            }
        }
    }

    /**
     * Imports again the kept upload of an import that a stop cut short, under the same source name: rows it had
     * committed count as unchanged, the rest are imported. The old run is marked resumed.
     *
     * @param uploads the only folder a resumed file may come from (a path is never taken from a request)
     * @throws InvalidSourceException when the run is not interrupted or its file is no longer kept
     */
    public Optional<Submitted> resume(String runId, Path uploads) {
        Node run = DataIris.importRun(runId);
        Map<Node, String> stored = store.read(dsg -> {
            Map<Node, String> out = new HashMap<>();
            GraphStore.dataGraph(dsg).find(run, Node.ANY, Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isLiteral()) {
                    out.put(t.getPredicate(), t.getObject().getLiteralLexicalForm());
                }
            });
            return out;
        });
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        boolean live;
        synchronized (jobs) {
            live = jobs.values().stream().anyMatch(t -> runId.equals(t.runId));
        }
        if (live || !"running".equals(stored.get(Vocab.STATUS))) {
            throw new InvalidSourceException("Only an interrupted import can be resumed; this one is "
                    + (live ? "running" : stored.get(Vocab.STATUS)) + ".");
        }
        Path file = Path.of(stored.get(Vocab.SOURCE_PATH)).toAbsolutePath().normalize();
        if (!file.startsWith(uploads.toAbsolutePath().normalize()) || !Files.isRegularFile(file)) {
            throw new InvalidSourceException("The file of that import is not kept (only uploads are); import it again.");
        }
        store.update(dsg -> {
            Graph data = GraphStore.dataGraph(dsg);
            data.remove(run, Vocab.STATUS, Node.ANY);
            data.add(run, Vocab.STATUS, NodeFactory.createLiteralString("resumed"));
        });
        Path mapping = file.resolveSibling("mapping.json");
        return Optional.of(submit(file, new ImportOptions(stored.get(Vocab.SOURCE_FILE),
                Files.isRegularFile(mapping) ? mapping : null, null), JobListener.NONE));
    }

    /** The job once it has finished, or as it stands after {@code max}, whichever comes first. */
    public Optional<ImportJob> await(String id, Duration max) {
        Tracker t = jobs.get(id);
        if (t == null) {
            return Optional.empty();
        }
        try {
            t.done.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Still running, or failed: the view says which.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.of(t.view());
    }

    public Optional<ImportJob> job(String id) {
        Tracker t = jobs.get(id);
        return t == null ? Optional.empty() : Optional.of(t.view());
    }

    /** This process's jobs, newest first, then earlier runs recorded in the graph. */
    public List<ImportJob> list() {
        List<ImportJob> out = new ArrayList<>();
        List<String> liveRuns = new ArrayList<>();
        synchronized (jobs) {
            jobs.values().forEach(t -> {
                out.addFirst(t.view());
                if (t.runId != null) {
                    liveRuns.add(t.runId);
                }
            });
        }
        store.select(Queries.get("select-import-runs"), Map.of(), row -> {
            String iri = row.get("run").getURI();
            String runId = iri.substring(iri.lastIndexOf('/') + 1);
            if (liveRuns.contains(runId)) {
                return false;
            }
            String status = text(row.get("status"));
            ImportSummary summary = row.contains("summary") ? summary(text(row.get("summary"))) : null;
            return out.add(new ImportJob(runId, text(row.get("source")), "running".equals(status) ? "interrupted" : status,
                    summary == null ? 0 : summary.read(), 0, 0, summary == null ? 0 : 100,
                    summary == null ? 0 : summary.rowsPerSecond(), null, 0, 0, 0, 0, instant(row.get("started")),
                    row.contains("finished") ? instant(row.get("finished")) : null, summary, null, null, null));
        });
        return out;
    }

    private static ImportSummary summary(String json) {
        try {
            return JSON.readValue(json, ImportSummary.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(Node n) {
        return n.getLiteralLexicalForm();
    }

    private static Instant instant(Node n) {
        return Instant.parse(n.getLiteralLexicalForm());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** A queued job: its id now, its summary when done. */
    public record Submitted(String id, CompletableFuture<ImportSummary> done) {
    }

    /** Follows one job's progress. */
    private static final class Tracker implements JobListener {
        final String id;
        final String source;
        final JobListener also;
        volatile String state = "queued";
        volatile String runId;
        volatile long rows;
        volatile long bytes;
        volatile long total;
        volatile long startNanos;
        volatile Instant startedAt;
        volatile Instant finishedAt;
        volatile ImportSummary summary;
        volatile long embedded;
        volatile long toEmbed;
        volatile EmbeddingSummary embedding;
        volatile AspectSummary aspects;
        volatile long read;
        volatile long toRead;
        volatile String error;
        volatile CompletableFuture<ImportSummary> done;

        Tracker(String id, String source, JobListener also) {
            this.id = id;
            this.source = source;
            this.also = also;
        }

        @Override
        public void started(String runId, String source, long totalBytes) {
            this.runId = runId;
            this.total = totalBytes;
            this.startNanos = System.nanoTime();
            this.startedAt = Instant.now();
            this.state = "running";
            also.started(runId, source, totalBytes);
        }

        @Override
        public void progress(long rowsRead, long bytesRead) {
            rows = rowsRead;
            bytes = bytesRead;
            also.progress(rowsRead, bytesRead);
        }

        @Override
        public void committed(long rowsCommitted) {
            also.committed(rowsCommitted);
        }

        @Override
        public void finished(ImportSummary s) {
            summary = s;
            state = "embedding";
            also.finished(s);
        }

        @Override
        public void embeddingStarted(long reviews) {
            toEmbed = reviews;
            also.embeddingStarted(reviews);
        }

        @Override
        public void embedded(long done, long total) {
            embedded = done;
            also.embedded(done, total);
        }

        void embedding(EmbeddingSummary e) {
            embedding = e;
            state = "aspects";
        }

        void aspects(AspectSummary a) {
            aspects = a;
            finishedAt = Instant.now();
            state = "completed";
        }

        @Override
        public void aspectsStarted(long reviews) {
            toRead = reviews;
            also.aspectsStarted(reviews);
        }

        @Override
        public void aspectsDetected(long done, long total) {
            read = done;
            also.aspectsDetected(done, total);
        }

        void failed(RuntimeException e) {
            error = e.getMessage();
            finishedAt = Instant.now();
            state = "failed";
        }

        ImportJob view() {
            double seconds = startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
            double rate = seconds > 0 ? rows / seconds : 0;
            double fraction = total > 0 ? Math.min(1.0, (double) bytes / total) : 0;
            if ("completed".equals(state) || "embedding".equals(state) || "aspects".equals(state)) {
                fraction = 1.0;
            }
            Long eta = "running".equals(state) && fraction > 0.01
                    ? Math.round(seconds * (1 - fraction) / fraction) : null;
            return new ImportJob(id, source, state, rows, bytes, total, Math.round(fraction * 1000) / 10.0,
                    Math.round(rate), eta, embedded, toEmbed, read, toRead, startedAt, finishedAt, summary, embedding, aspects, error);
        }
    }
}

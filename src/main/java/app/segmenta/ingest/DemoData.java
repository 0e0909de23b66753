package app.segmenta.ingest;

import app.segmenta.catalog.GraphStore;
import app.segmenta.config.SegmentaConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The bundled demo dataset. It is loaded into an empty data directory; a marker file left while it loads makes
 * an interrupted demo import resume on the next start instead of leaving half a demo.
 */
@ApplicationScoped
public class DemoData {

    private final SegmentaConfig config;
    private final GraphStore store;
    private final ImportJobs jobs;

    public DemoData(SegmentaConfig config, GraphStore store, ImportJobs jobs) {
        this.config = config;
        this.store = store;
        this.jobs = jobs;
    }

    public boolean needed() {
        return !store.hasReviews() || Files.exists(marker());
    }

    /** The demo's data files, in name order. */
    public List<Path> files() {
        Path dir = config.demo().dir();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Demo data folder " + dir.toAbsolutePath() + " not found; set segmenta.demo.dir "
                    + "(SEGMENTA_DEMO_DIR) or start with --no-demo.");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> SourceFormat.byExtension(p).isPresent()
                            && !p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mapping.json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports every demo file as a background job (visible in /api/imports) and waits for them. */
    public List<ImportSummary> load(JobListener progress) {
        try {
            Files.createDirectories(config.dataDir());
            Files.writeString(marker(), "demo import in progress\n");
            List<ImportJobs.Submitted> submitted = new ArrayList<>();
            for (Path file : files()) {
                submitted.add(jobs.submit(file, new ImportOptions(file.getFileName().toString(), null, null), progress));
            }
            List<ImportSummary> summaries = submitted.stream().map(s -> s.done().join()).toList();
            Files.deleteIfExists(marker());
            return summaries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path marker() {
        return config.dataDir().resolve(".demo-loading");
    }
}

package app.segmenta.cli;

import app.segmenta.aspects.AspectSummary;
import app.segmenta.aspects.ReviewAspects;
import app.segmenta.ingest.DemoData;
import app.segmenta.ingest.ImportSummary;
import app.segmenta.search.EmbeddingSummary;
import app.segmenta.search.ReviewVectors;
import app.segmenta.text.Counts;
import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the REST API and web page (loopback only unless --host says otherwise). "
                + "On an empty data directory, loads the bundled demo first.")
@Dependent
public class ServeCommand implements Callable<Integer> {

    @Mixin
    ServeOptions options = new ServeOptions();

    private final DemoData demo;
    private final ReviewVectors vectors;
    private final ReviewAspects aspects;
    private final DataPresence data;
    private final Output output;

    public ServeCommand(DemoData demo, ReviewVectors vectors, ReviewAspects aspects, DataPresence data, Output output) {
        this.aspects = aspects;
        this.demo = demo;
        this.vectors = vectors;
        this.data = data;
        this.output = output;
    }

    @Override
    public Integer call() {
        return serve(options);
    }

    /** Serves until the process is stopped; the top-level command calls this with its own options. */
    int serve(ServeOptions options) {
        var config = ConfigProvider.getConfig();
        String url = "http://" + config.getOptionalValue("quarkus.http.host", String.class).orElse("127.0.0.1") + ":"
                + config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        boolean demoLoaded = false;
        if (!options.noDemo && demo.needed()) {
            output.err().println("Loading the demo data (first start only); " + url + " shows progress meanwhile.");
            for (ImportSummary s : demo.load(new TerminalProgress())) {
                output.err().printf("%s: %s imported, %s skipped (see GET /api/imports)%n", s.source(),
                        Counts.of(s.imported() + s.updated() + s.unchanged(), "review"), Counts.of(s.skipped().size(), "row"));
            }
            demoLoaded = true;
        }
        if (!demoLoaded && data.hasData()) {
            // Reviews imported with --no-embed, or a pass cut off by a stop, are embedded (and their aspects
            // detected, also after a detector upgrade) before questions come
            // (the demo's import jobs have just embedded theirs).
            TerminalProgress progress = new TerminalProgress();
            EmbeddingSummary e = vectors.embedPending(progress);
            progress.close();
            if (e.reviews() > 0 || e.removed() > 0) {
                ImportCommand.print(e, output.err());
            }
            AspectSummary a = aspects.detectPending(progress, output.err()::println);
            progress.close();
            if (a.reviews() > 0) {
                ImportCommand.print(a, output.err());
            }
        }
        output.err().println("Segmenta is running at " + url + " (Ctrl+C to stop)");
        Quarkus.waitForExit();
        return 0;
    }
}

package app.segmenta.cli;

import app.segmenta.ingest.ImportSummary;
import app.segmenta.ingest.JobListener;
import app.segmenta.text.Counts;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr with an ETA: an import's bar follows the bytes of its file (rows and rows/s beside it),
 * the embedding and aspect bars follow reviews. Without a terminal (CI, a pipe) a plain line is printed every few seconds.
 */
final class TerminalProgress implements JobListener {

    private static final int WIDTH = 120;

    private ProgressBar bar;
    private long startNanos;

    @Override
    public void started(String runId, String source, long totalBytes) {
        open("Importing " + source, Math.max(1, totalBytes / 1024), " KiB");
    }

    @Override
    public void progress(long rowsRead, long bytesRead) {
        if (bar == null) {
            return;
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long rate = seconds > 0 ? Math.round(rowsRead / seconds) : 0;
        bar.stepTo(Math.min(bar.getMax(), bytesRead / 1024));
        bar.setExtraMessage(" · " + Counts.of(rowsRead, "row") + String.format(", %,d rows/s", rate));
    }

    @Override
    public void finished(ImportSummary summary) {
        if (bar != null) {
            bar.stepTo(bar.getMax());
        }
        close();
    }

    @Override
    public void embeddingStarted(long reviews) {
        if (reviews > 0) {
            open("Embedding reviews", reviews, " reviews");
        }
    }

    @Override
    public void embedded(long done, long total) {
        if (bar != null) {
            bar.stepTo(done);
            if (done >= total) {
                close();
            }
        }
    }

    @Override
    public void aspectsStarted(long reviews) {
        if (reviews > 0) {
            open("Detecting aspects", reviews, " reviews");
        }
    }

    @Override
    public void aspectsDetected(long done, long total) {
        embedded(done, total);
    }

    private void open(String task, long max, String unit) {
        close();
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUnit(unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .continuousUpdate()
                .showSpeed();
        if (System.console() != null) {
            builder.setConsumer(new ConsoleProgressBarConsumer(System.err, WIDTH)).setUpdateIntervalMillis(200);
        } else {
            builder.setConsumer(new DelegatingProgressBarConsumer(System.err::println, WIDTH)).setUpdateIntervalMillis(3000);
        }
        bar = builder.build();
        startNanos = System.nanoTime();
    }

    /** Ends the bar, also when the work failed. */
    void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}

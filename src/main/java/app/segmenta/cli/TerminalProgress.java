package app.segmenta.cli;

import app.segmenta.ingest.ImportListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr: bytes of the file drive the bar and its ETA, rows and rows/s beside it. Without a
 * terminal (CI, a pipe) it prints a plain line every few seconds instead of redrawing.
 */
final class TerminalProgress implements ImportListener {

    private static final int WIDTH = 120;

    private ProgressBar bar;
    private long startNanos;

    @Override
    public void started(String runId, String source, long totalBytes) {
        boolean terminal = System.console() != null;
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName("Importing " + source)
                .setInitialMax(Math.max(1, totalBytes / 1024))
                .setUnit(" KiB", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .continuousUpdate();
        if (terminal) {
            builder.setConsumer(new ConsoleProgressBarConsumer(System.err, WIDTH)).setUpdateIntervalMillis(200);
        } else {
            builder.setConsumer(new DelegatingProgressBarConsumer(System.err::println, WIDTH)).setUpdateIntervalMillis(3000);
        }
        builder.showSpeed();
        bar = builder.build();
        startNanos = System.nanoTime();
    }

    @Override
    public void progress(long rowsRead, long bytesRead) {
        if (bar == null) {
            return;
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long rate = seconds > 0 ? Math.round(rowsRead / seconds) : 0;
        bar.stepTo(Math.min(bar.getMax(), bytesRead / 1024));
        bar.setExtraMessage(String.format(" · %,d rows, %,d rows/s", rowsRead, rate));
    }

    @Override
    public void finished(app.segmenta.ingest.ImportSummary summary) {
        if (bar != null) {
            bar.stepTo(bar.getMax());
        }
        close();
    }

    /** Ends the bar, also when the import failed. */
    void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}

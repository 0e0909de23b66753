package app.segmenta.cli;

import app.segmenta.segmentation.SegmentationListener;

import java.io.PrintStream;

/** Prints each step of a segmentation on stderr, with the seconds the previous step took. */
final class StepProgress implements SegmentationListener {

    private final PrintStream err;
    private long started = System.nanoTime();

    StepProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void step(int step, int of, String what) {
        long now = System.nanoTime();
        err.printf("[%d/%d] %s… (%.1f s so far)%n", step, of, what, (now - started) / 1e9);
    }
}

package app.segmenta.bench;

import java.util.Arrays;

/** Benchmarks report medians: these machines are noisy. */
final class Medians {
    private Medians() {
    }

    static double of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The 95th percentile (nearest rank). */
    static double p95(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
    }
}

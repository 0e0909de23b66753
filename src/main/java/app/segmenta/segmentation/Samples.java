package app.segmenta.segmentation;

import java.util.Arrays;
import java.util.Random;

/** Seeded row samples, so the same seed picks the same customers. */
final class Samples {
    private Samples() {
    }

    /** {@code m} distinct indices of {@code 0..n-1} in increasing order (all of them when {@code m >= n}). */
    static int[] indices(int n, int m, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (m >= n) {
            return all;
        }
        Random random = new Random(seed);
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, m);
        Arrays.sort(out);
        return out;
    }

    static double[][] rows(double[][] x, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = x[indices[i]];
        }
        return out;
    }

    static int[] labels(int[] labels, int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = labels[indices[i]];
        }
        return out;
    }
}

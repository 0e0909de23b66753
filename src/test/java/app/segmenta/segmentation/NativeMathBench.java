package app.segmenta.segmentation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

/**
 * PCA and UMAP as segmentation runs them, timed run after run, to compare the OpenBLAS/ARPACK the build bundles
 * with a system's copies (docs/benchmarks.md). Not part of the build (the name does not end in Test):
 * {@code ./mvnw -o test -Dtest=NativeMathBench} uses the bundled copies (the tests' library path);
 * {@code ./mvnw -o test -Dtest=NativeMathBench -Dnatives.path=} the system's. Read the BENCH lines.
 */
class NativeMathBench {

    private static final int RUNS = 5;

    @Test
    void pcaAndUmapOnEmbeddingSizedRows() {
        double[][] customers = rows(10_000, 400, 1);
        double[][] small = rows(2_000, 400, 2);
        report("PCA to 10 dimensions, 10,000 x 400", () -> new PcaReducer(10).reduce(customers, 7));
        report("PCA map, 10,000 x 400", () -> PcaReducer.twoComponents(customers, 7));
        report("UMAP map, 2,000 x 400", () -> UmapReducer.embed(small, 2, 7));
        System.out.println("BENCH libraries " + NativeMath.loaded(Path.of("/proc/self/maps")));
    }

    private static void report(String what, Supplier<?> work) {
        work.get(); // warm-up: loads the libraries, compiles the Java side
        long[] millis = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("BENCH %-36s median %,6d ms  runs %s%n", what, sorted[RUNS / 2], Arrays.toString(millis));
    }

    /** Clustered rows, as customers' features are: a few centres plus noise. */
    private static double[][] rows(int n, int width, long seed) {
        Random random = new Random(seed);
        double[][] centres = new double[6][width];
        for (double[] c : centres) {
            for (int j = 0; j < width; j++) {
                c[j] = random.nextGaussian();
            }
        }
        double[][] rows = new double[n][width];
        for (int i = 0; i < n; i++) {
            double[] c = centres[i % centres.length];
            for (int j = 0; j < width; j++) {
                rows[i][j] = c[j] + 0.5 * random.nextGaussian();
            }
        }
        return rows;
    }
}

package app.segmenta.segmentation;

import smile.manifold.UMAP;
import smile.math.MathEx;

/**
 * UMAP with Smile, for audiences small enough for its neighbour graph (seconds per thousand customers);
 * larger ones fall back to the given reducer, and the method says so. Smile's UMAP cannot be fully seeded (its
 * parallel neighbour search and optimisation draw from per-thread generators), so its coordinates differ slightly
 * from run to run; clustering on PCA, as by default, keeps segments reproducible.
 */
public final class UmapReducer implements Reducer {

    static final int NEIGHBOURS = 15;
    /**
     * UMAP's spectral start calls ARPACK, whose Fortran routines keep state in static variables: two at once corrupt
     * each other ("ARPACK dseupd computed 2 eigenvalues, expect 5" under 50 concurrent chats, or a JVM crash in
     * UmapConcurrencyTest). One at a time.
     */
    private static final java.util.concurrent.locks.ReentrantLock ARPACK = new java.util.concurrent.locks.ReentrantLock();

    private final int dimensions;
    private final int maxCustomers;
    private final Reducer fallback;

    public UmapReducer(int dimensions, int maxCustomers, Reducer fallback) {
        this.dimensions = dimensions;
        this.maxCustomers = maxCustomers;
        this.fallback = fallback;
    }

    @Override
    public Reduction reduce(double[][] features, long seed) {
        if (features.length > maxCustomers || features.length <= NEIGHBOURS + 1) {
            Reduction r = fallback.reduce(features, seed);
            return new Reduction(r.data(), r.method() + String.format(" (UMAP is used for %d to %,d customers)",
                    NEIGHBOURS + 2, maxCustomers));
        }
        return new Reduction(embed(features, dimensions, seed), "UMAP to " + dimensions + " dimensions");
    }

    static double[][] embed(double[][] rows, int dimensions, long seed) {
        MathEx.setSeed(seed);
        var defaults = new UMAP.Options(NEIGHBOURS);
        var options = new UMAP.Options(NEIGHBOURS, dimensions, defaults.epochs(), defaults.learningRate(),
                defaults.minDist(), defaults.spread(), defaults.negativeSamples(), defaults.repulsionStrength(),
                defaults.localConnectivity());
        ARPACK.lock();
        try {
            return NativeMath.call(() -> UMAP.fit(rows, options));
        } finally {
            ARPACK.unlock();
        }
    }
}

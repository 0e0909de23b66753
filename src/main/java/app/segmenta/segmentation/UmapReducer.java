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
        return NativeMath.call(() -> UMAP.fit(rows, options));
    }
}

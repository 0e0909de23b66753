package app.segmenta.segmentation;

import smile.feature.extraction.PCA;

/**
 * Principal components with Smile. The components are fitted on a seeded sample of at most {@value #FIT_ROWS}
 * customers (the covariance of a bigger sample describes the same directions, and costs seconds more), then every
 * customer is projected. The first two components also make the map.
 */
public final class PcaReducer implements Reducer {

    static final int FIT_ROWS = 20_000;

    private final int dimensions;

    public PcaReducer(int dimensions) {
        if (dimensions < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 dimensions, not " + dimensions + ".");
        }
        this.dimensions = dimensions;
    }

    @Override
    public Reduction reduce(double[][] features, long seed) {
        int width = Reducer.width(features);
        if (width <= dimensions) {
            return new Reduction(features, "none: " + width + " features are no more than " + dimensions);
        }
        double[][] fitOn = Samples.rows(features, Samples.indices(features.length, FIT_ROWS, seed));
        PCA pca = NativeMath.call(() -> PCA.fit(fitOn));
        int kept = Math.min(dimensions, fitOn.length - 1);
        double explained = pca.cumulativeVarianceProportion().get(kept - 1);
        double[][] reduced = NativeMath.call(() -> pca.getProjection(kept).apply(features));
        return new Reduction(reduced, String.format("PCA to %d dimensions (%.0f%% of the variance%s)", kept,
                100 * explained, fitOn.length < features.length ? ", fitted on " + fitOn.length + " sampled customers" : ""));
    }

    /** The first two principal components of the rows, for a map. */
    static double[][] twoComponents(double[][] rows, long seed) {
        if (Reducer.width(rows) <= 2) {
            return rows;
        }
        double[][] fitOn = Samples.rows(rows, Samples.indices(rows.length, FIT_ROWS, seed));
        return NativeMath.call(() -> PCA.fit(fitOn).getProjection(2).apply(rows));
    }
}

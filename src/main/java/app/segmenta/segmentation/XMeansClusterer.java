package app.segmenta.segmentation;

import smile.clustering.CentroidClustering;
import smile.clustering.XMeans;
import smile.math.MathEx;

/**
 * X-Means with Smile: splits clusters while the Bayesian information criterion improves, up to a maximum k. It is
 * fitted on a seeded sample of at most {@value #FIT_ROWS} customers (its splitting cost grows quickly: 100k took
 * 29 s) and every customer joins the nearest of its centres.
 */
public final class XMeansClusterer implements Clusterer {

    static final int FIT_ROWS = 10_000;

    private final int maxK;

    public XMeansClusterer(int maxK) {
        this.maxK = maxK;
    }

    @Override
    public String name() {
        return "xmeans";
    }

    @Override
    public Clusters cluster(double[][] rows, Integer k, long seed) {
        int highest = k != null ? k : Math.min(maxK, rows.length / KMeansClusterer.MIN_PER_SEGMENT);
        KMeansClusterer.checkK(Math.max(2, highest), rows.length);
        double[][] sample = Samples.rows(rows, Samples.indices(rows.length, FIT_ROWS, seed));
        MathEx.setSeed(seed);
        CentroidClustering<double[], double[]> c = XMeans.fit(sample, Math.max(2, highest), KMeansClusterer.MAX_ITER);
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = c.predict(rows[i]);
        }
        String fitted = sample.length < rows.length ? ", fitted on " + sample.length + " sampled customers" : "";
        return Labels.compact(labels, found -> String.format(
                "X-Means chose k=%d by the Bayesian information criterion, trying up to %d%s", found, highest, fitted));
    }
}

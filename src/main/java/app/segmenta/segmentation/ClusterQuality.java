package app.segmenta.segmentation;

import smile.validation.metric.AdjustedRandIndex;

/**
 * How good a clustering is, computed (Smile has no silhouette or Davies–Bouldin index): silhouette on a seeded
 * sample (it compares every pair of customers), Davies–Bouldin on everyone, and stability as the adjusted Rand
 * index between the clustering and re-runs with other seeds on subsamples.
 */
public final class ClusterQuality {

    /** Customers the silhouette compares pairwise: 2,000² distances stay well under a second. */
    static final int SILHOUETTE_ROWS = 2_000;
    static final int STABILITY_RUNS = 2;
    static final int STABILITY_ROWS = 10_000;
    static final double STABILITY_SHARE = 0.8;

    private ClusterQuality() {
    }

    /**
     * Mean silhouette of the assigned customers of a seeded sample, from -1 (wrong segments) through 0
     * (overlapping) to 1 (tight, well apart); NaN with fewer than two segments.
     */
    public static double silhouette(double[][] rows, int[] labels, long seed) {
        int[] assigned = java.util.stream.IntStream.range(0, rows.length).filter(i -> labels[i] >= 0).toArray();
        int[] pick = Samples.indices(assigned.length, SILHOUETTE_ROWS, seed);
        int n = pick.length;
        int k = java.util.Arrays.stream(labels).max().orElse(-1) + 1;
        if (k < 2 || n < 2) {
            return Double.NaN;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = assigned[pick[i]];
        }
        double total = 0;
        for (int a = 0; a < n; a++) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    int l = labels[idx[b]];
                    sum[l] += distance(rows[idx[a]], rows[idx[b]]);
                    count[l]++;
                }
            }
            int own = labels[idx[a]];
            if (count[own] == 0) {
                continue; // a lone member scores 0
            }
            double within = sum[own] / count[own];
            double nearest = Double.POSITIVE_INFINITY;
            for (int l = 0; l < k; l++) {
                if (l != own && count[l] > 0) {
                    nearest = Math.min(nearest, sum[l] / count[l]);
                }
            }
            if (nearest < Double.POSITIVE_INFINITY) {
                total += (nearest - within) / Math.max(nearest, within);
            }
        }
        return total / n;
    }

    /**
     * Davies–Bouldin index of the assigned customers: the mean, over segments, of the worst ratio of spread to
     * separation against another segment; lower is better, 0 is perfect. NaN with fewer than two segments.
     */
    public static double daviesBouldin(double[][] rows, int[] labels, int k) {
        if (k < 2) {
            return Double.NaN;
        }
        double[][] centroids = Labels.centroids(rows, labels, k);
        int[] sizes = Labels.sizes(labels, k);
        double[] spread = new double[k];
        for (int i = 0; i < rows.length; i++) {
            if (labels[i] >= 0) {
                spread[labels[i]] += distance(rows[i], centroids[labels[i]]);
            }
        }
        for (int s = 0; s < k; s++) {
            spread[s] /= Math.max(1, sizes[s]);
        }
        double total = 0;
        for (int a = 0; a < k; a++) {
            double worst = 0;
            for (int b = 0; b < k; b++) {
                if (a != b) {
                    worst = Math.max(worst, (spread[a] + spread[b]) / Math.max(1e-12, distance(centroids[a], centroids[b])));
                }
            }
            total += worst;
        }
        return total / k;
    }

    /**
     * Mean adjusted Rand index between the clustering and {@value #STABILITY_RUNS} re-runs of the same clusterer
     * with the same k and other seeds, each on a seeded {@value #STABILITY_SHARE} subsample (at most
     * {@value #STABILITY_ROWS} customers), compared on the customers it saw: 1 is the same segments every time,
     * 0 is chance. Unassigned customers count as one more group.
     */
    public static double stability(double[][] rows, Clusters clusters, Clusterer clusterer, long seed) {
        double total = 0;
        for (int run = 1; run <= STABILITY_RUNS; run++) {
            int size = (int) Math.min(STABILITY_ROWS, Math.ceil(rows.length * STABILITY_SHARE));
            int[] pick = Samples.indices(rows.length, size, seed + run);
            Clusters again = clusterer.cluster(Samples.rows(rows, pick), clusters.k(), seed + run);
            total += AdjustedRandIndex.of(shift(Samples.labels(clusters.labels(), pick)), shift(again.labels()));
        }
        return total / STABILITY_RUNS;
    }

    /** Labels from 0, unassigned as 0: Smile's contingency table wants non-negative labels. */
    private static int[] shift(int[] labels) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] + 1;
        }
        return out;
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}

package app.segmenta.segmentation;

import app.segmenta.text.Counts;
import smile.clustering.CentroidClustering;
import smile.clustering.KMeans;
import smile.math.MathEx;

import java.util.ArrayList;
import java.util.List;

/**
 * K-Means with Smile (k-means++ seeding, best of {@value #RUNS} runs by distortion). Without a k, every k from 2 up
 * to the maximum is fitted once on a seeded sample of at most {@value #SWEEP_ROWS} customers and scored by
 * silhouette; the best k is then fitted on everyone.
 */
public final class KMeansClusterer implements Clusterer {

    static final int RUNS = 3;
    static final int SWEEP_ROWS = 5_000;
    static final int MAX_ITER = 100;
    /** Fewer customers per segment than this and a segment says nothing about a group. */
    static final int MIN_PER_SEGMENT = 5;

    private final int maxK;

    public KMeansClusterer(int maxK) {
        this.maxK = maxK;
    }

    @Override
    public String name() {
        return "kmeans";
    }

    @Override
    public Clusters cluster(double[][] rows, Integer k, long seed) {
        if (k != null) {
            checkK(k, rows.length);
            return Labels.compact(fit(rows, k, seed).group(), found -> "k=" + k + " as asked");
        }
        int highest = Math.min(maxK, rows.length / MIN_PER_SEGMENT);
        if (highest < 2) {
            throw new IllegalArgumentException("Too few customers (" + rows.length + ") to choose k: at least "
                    + 2 * MIN_PER_SEGMENT + " are needed.");
        }
        double[][] sample = Samples.rows(rows, Samples.indices(rows.length, SWEEP_ROWS, seed));
        int best = 2;
        double bestScore = Double.NEGATIVE_INFINITY;
        List<String> scores = new ArrayList<>();
        for (int candidate = 2; candidate <= highest; candidate++) {
            double score = ClusterQuality.silhouette(sample, fit(sample, candidate, seed, 1).group(), seed);
            scores.add(String.format("%d: %.3f", candidate, score));
            if (score > bestScore + 1e-9) {
                best = candidate;
                bestScore = score;
            }
        }
        String reason = String.format("k=%d has the best silhouette (%.3f) of k=2..%d%s [%s]", best, bestScore, highest,
                sample.length < rows.length ? ", scored on " + sample.length + " sampled customers" : "",
                String.join(", ", scores));
        return Labels.compact(fit(rows, best, seed).group(), found -> reason);
    }

    static void checkK(int k, int customers) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, not " + k + ".");
        }
        if (k * MIN_PER_SEGMENT > customers) {
            throw new IllegalArgumentException("k=" + k + " is too many for " + Counts.of(customers, "customer") + ": at most "
                    + Math.max(1, customers / MIN_PER_SEGMENT) + " (" + MIN_PER_SEGMENT + " customers per segment).");
        }
    }

    static CentroidClustering<double[], double[]> fit(double[][] rows, int k, long seed) {
        return fit(rows, k, seed, RUNS);
    }

    /** Best of {@code runs} k-means++ starts; the sweep uses one per k, as it only ranks the k. */
    static CentroidClustering<double[], double[]> fit(double[][] rows, int k, long seed, int runs) {
        MathEx.setSeed(seed);
        CentroidClustering<double[], double[]> best = null;
        for (int run = 0; run < runs; run++) {
            var c = KMeans.fit(rows, k, MAX_ITER);
            if (best == null || c.distortion() < best.distortion()) {
                best = c;
            }
        }
        return best;
    }
}

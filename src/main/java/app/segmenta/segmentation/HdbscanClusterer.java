package app.segmenta.segmentation;

import smile.clustering.Clustering;
import smile.clustering.HDBSCAN;

/**
 * HDBSCAN with Smile: segments are dense regions, k follows from the data, and customers in no dense region are
 * unassigned (reported, never dropped). Its memory grows with the square of the customers, so it refuses
 * audiences above a configured size.
 */
public final class HdbscanClusterer implements Clusterer {

    static final int MIN_POINTS = 5;

    private final int maxCustomers;

    public HdbscanClusterer(int maxCustomers) {
        this.maxCustomers = maxCustomers;
    }

    @Override
    public String name() {
        return "hdbscan";
    }

    @Override
    public Clusters cluster(double[][] rows, Integer k, long seed) {
        if (rows.length > maxCustomers) {
            throw new IllegalArgumentException(String.format("HDBSCAN needs memory that grows with the square of the "
                    + "customers; %,d is above its limit of %,d (segmenta.segmentation.hdbscan-max-customers). "
                    + "Use kmeans or xmeans, or narrow the audience.", rows.length, maxCustomers));
        }
        if (rows.length < 2 * KMeansClusterer.MIN_PER_SEGMENT) {
            throw new IllegalArgumentException("Too few customers (" + rows.length + ") for HDBSCAN: at least "
                    + 2 * KMeansClusterer.MIN_PER_SEGMENT + " are needed.");
        }
        int minClusterSize = minClusterSize(rows.length);
        HDBSCAN<double[]> h = HDBSCAN.fit(rows, Math.min(MIN_POINTS, rows.length - 1), minClusterSize);
        int[] labels = h.group().clone();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == Clustering.OUTLIER) {
                labels[i] = Clusters.UNASSIGNED;
            }
        }
        String asked = k == null ? "" : " (k=" + k + " was asked for, but HDBSCAN takes k from the data)";
        return Labels.compact(labels, found -> String.format("HDBSCAN found %d dense groups of at least %d customers%s",
                found, minClusterSize, asked));
    }

    /** A segment should hold at least 2% of the audience (and 5 customers). */
    static int minClusterSize(int customers) {
        return Math.max(KMeansClusterer.MIN_PER_SEGMENT, Math.round(customers * 0.02f));
    }
}

package app.segmenta.segmentation;

/**
 * What places a customer who arrives after a segmentation: the feature space it was computed in and each
 * segment's centre there. The nearest centre wins.
 */
public record Placement(FeatureSpace space, double[][] centroids) {

    /** The 0-based segment whose centre is nearest to the customer. */
    public int place(CustomerData customer) {
        double[] row = space.transform(customer);
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int s = 0; s < centroids.length; s++) {
            double d = ClusterQuality.distance(row, centroids[s]);
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        return best;
    }
}

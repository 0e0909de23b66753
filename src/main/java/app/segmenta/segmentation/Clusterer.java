package app.segmenta.segmentation;

/** Groups rows into segments; one implementation per algorithm, chosen by name. */
public interface Clusterer {

    /** kmeans, xmeans or hdbscan. */
    String name();

    /**
     * @param k    the number of segments wanted, or null to choose it (how, the reason says)
     * @param seed the same rows, k and seed give the same labels
     */
    Clusters cluster(double[][] rows, Integer k, long seed);

    static Clusterer of(String name, int maxK, int hdbscanMaxCustomers) {
        return switch (name == null ? "kmeans" : name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "kmeans", "k-means" -> new KMeansClusterer(maxK);
            case "xmeans", "x-means" -> new XMeansClusterer(maxK);
            case "hdbscan" -> new HdbscanClusterer(hdbscanMaxCustomers);
            default -> throw new IllegalArgumentException("Unknown algorithm '" + name + "': use kmeans, xmeans or hdbscan.");
        };
    }
}

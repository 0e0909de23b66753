package app.segmenta.segmentation;

/** Reduces customer features before clustering; one implementation per method, chosen by configuration. */
public interface Reducer {

    /** The reduced rows, and the method in words ("PCA to 20 dimensions, 61% of the variance"). */
    record Reduction(double[][] data, String method) {
    }

    Reduction reduce(double[][] features, long seed);

    static Reducer of(String name, int dimensions, int umapMaxCustomers) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "pca" -> new PcaReducer(dimensions);
            case "umap" -> new UmapReducer(dimensions, umapMaxCustomers, new PcaReducer(dimensions));
            case "none" -> (features, seed) -> new Reduction(features, "none: " + width(features) + " features");
            default -> throw new IllegalArgumentException("Unknown reduction '" + name + "': use pca, umap or none.");
        };
    }

    static int width(double[][] x) {
        return x.length == 0 ? 0 : x[0].length;
    }
}

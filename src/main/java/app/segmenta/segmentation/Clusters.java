package app.segmenta.segmentation;

/**
 * A clustering of the rows it was given.
 *
 * @param labels segment number per row, 0-based; {@link #UNASSIGNED} for a row in no segment (HDBSCAN's noise)
 * @param reason why this k, in words
 */
public record Clusters(int[] labels, int k, String reason) {

    public static final int UNASSIGNED = -1;

    public long unassigned() {
        return java.util.Arrays.stream(labels).filter(l -> l == UNASSIGNED).count();
    }
}

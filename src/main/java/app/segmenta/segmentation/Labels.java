package app.segmenta.segmentation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Label bookkeeping shared by the clusterers. */
final class Labels {
    private Labels() {
    }

    /** Renumbers labels 0..k-1 in order of first appearance (algorithms may leave gaps); the reason is told k. */
    static Clusters compact(int[] labels, java.util.function.IntFunction<String> reason) {
        Map<Integer, Integer> numbers = new LinkedHashMap<>();
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] == Clusters.UNASSIGNED ? Clusters.UNASSIGNED
                    : numbers.computeIfAbsent(labels[i], l -> numbers.size());
        }
        int k = numbers.size();
        return new Clusters(out, k, reason.apply(k));
    }

    /** Members per segment. */
    static int[] sizes(int[] labels, int k) {
        int[] sizes = new int[k];
        Arrays.stream(labels).filter(l -> l >= 0).forEach(l -> sizes[l]++);
        return sizes;
    }

    /** The mean row of each segment's members. */
    static double[][] centroids(double[][] rows, int[] labels, int k) {
        int width = Reducer.width(rows);
        double[][] sums = new double[k][width];
        int[] sizes = sizes(labels, k);
        for (int i = 0; i < rows.length; i++) {
            if (labels[i] >= 0) {
                for (int j = 0; j < width; j++) {
                    sums[labels[i]][j] += rows[i][j];
                }
            }
        }
        for (int s = 0; s < k; s++) {
            for (int j = 0; j < width; j++) {
                sums[s][j] /= Math.max(1, sizes[s]);
            }
        }
        return sums;
    }
}

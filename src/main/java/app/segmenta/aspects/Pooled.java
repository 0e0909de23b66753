package app.segmenta.aspects;

import java.util.List;

/** A review as one vector: the mean and the element-wise maximum of its passage vectors, side by side. */
final class Pooled {

    private Pooled() {
    }

    static double[] of(List<float[]> passages) {
        int d = passages.getFirst().length;
        double[] x = new double[2 * d];
        java.util.Arrays.fill(x, d, 2 * d, Double.NEGATIVE_INFINITY);
        for (float[] v : passages) {
            for (int j = 0; j < d; j++) {
                x[j] += v[j] / passages.size();
                x[d + j] = Math.max(x[d + j], v[j]);
            }
        }
        return x;
    }

    /** One passage read as if it were the whole review: which passage shows what the review model found. */
    static double[] ofOne(float[] passage) {
        return of(List.of(passage));
    }
}

package app.segmenta.aspects;

import java.math.BigDecimal;

/**
 * The input of a complaint detector for one passage: its embedding, the review's rating as three flags
 * (low, middling, high; all off when the source has no rating), and the aspect's cues in the passage.
 */
final class PassageFeatures {

    static final int EXTRA = 6;

    private PassageFeatures() {
    }

    static double[] of(float[] vector, BigDecimal rating, int cues, boolean negative) {
        double[] x = new double[vector.length + EXTRA];
        for (int i = 0; i < vector.length; i++) {
            x[i] = vector[i];
        }
        int at = vector.length;
        if (rating != null) {
            double r = rating.doubleValue();
            x[at] = r <= 2 ? 1 : 0;
            x[at + 1] = r > 2 && r < 4 ? 1 : 0;
            x[at + 2] = r >= 4 ? 1 : 0;
        }
        x[at + 3] = cues > 0 ? 1 : 0;
        x[at + 4] = cues;
        x[at + 5] = negative ? 1 : 0;
        return x;
    }
}

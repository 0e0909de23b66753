package app.segmenta.aspects;

/**
 * A detector of one aspect and one polarity read from a review's words alone: logistic regression over the review's
 * pooled passage vectors ({@link Pooled}), trained on the 14-aspect training split, its threshold the one with the best
 * F1 over out-of-fold scores. No rating goes in, so a source without ratings is read the same way.
 *
 * @param positives the training reviews labelled with this aspect and polarity
 * @param cvF1      F1 of the out-of-fold predictions at the threshold
 */
public record ReviewModel(String aspect, String name, Polarity polarity, int positives, double threshold, double cvF1,
                          double bias, double[] weights) {

    double probability(double[] pooled) {
        return Logistic.probability(bias, weights, pooled);
    }
}

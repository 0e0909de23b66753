package app.segmenta.aspects;

/**
 * A complaint detector for one aspect: logistic regression over {@link PassageFeatures}.
 *
 * @param measured  whether it was trained on labelled reviews (and its threshold chosen by cross-validation), or
 *                  only on the aspect's example phrases
 * @param threshold the probability from which a passage counts as a complaint
 * @param cvF1      F1 of the cross-validated predictions on the training reviews (0 when not measured)
 */
public record AspectModel(String aspect, String name, boolean measured, int positives, double threshold, double cvF1,
                          double bias, double[] weights) {

    double probability(double[] features) {
        return Logistic.probability(bias, weights, features);
    }
}

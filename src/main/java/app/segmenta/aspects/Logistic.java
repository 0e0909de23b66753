package app.segmenta.aspects;

/** The probability a trained logistic regression gives an input (weights in the input's order, intercept apart). */
final class Logistic {

    private Logistic() {
    }

    static double probability(double bias, double[] weights, double[] x) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }
}

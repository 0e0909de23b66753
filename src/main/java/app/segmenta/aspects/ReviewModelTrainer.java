package app.segmenta.aspects;

import app.segmenta.search.Embedder;
import app.segmenta.text.Counts;
import smile.classification.LogisticRegression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Trains a {@link ReviewModel} for every aspect and polarity with at least {@link #MIN_POSITIVES} labelled reviews in
 * the 14-aspect training split; the others keep the example-phrase rules of {@link AspectDetector}.
 */
final class ReviewModelTrainer {

    static final int MIN_POSITIVES = 20;
    private static final double LAMBDA = 1.0;

    private final Embedder embedder;
    private final List<AspectDefinition> aspects;
    private final AspectLabels training;

    ReviewModelTrainer(Embedder embedder, List<AspectDefinition> aspects, AspectLabels training) {
        this.embedder = embedder;
        this.aspects = aspects;
        this.training = training;
    }

    List<ReviewModel> train(Consumer<String> progress) {
        List<AspectLabels.Review> reviews = new ArrayList<>(training.reviews());
        Collections.shuffle(reviews, new Random(AspectTrainer.SEED));
        List<double[]> x = new ArrayList<>();
        for (int from = 0; from < reviews.size(); from += 256) {
            List<String> texts = reviews.subList(from, Math.min(reviews.size(), from + 256)).stream()
                    .map(AspectLabels.Review::text).toList();
            for (var passages : AspectEvaluation.embed(embedder, texts)) {
                x.add(Pooled.of(passages.stream().map(p -> p.vector()).toList()));
            }
            progress.accept("embedded " + Math.min(reviews.size(), from + 256) + " of "
                    + Counts.of(reviews.size(), "labelled review"));
        }
        double[][] rows = x.toArray(double[][]::new);
        List<ReviewModel> models = new ArrayList<>();
        for (AspectDefinition aspect : aspects) {
            for (Polarity polarity : List.of(Polarity.COMPLAINT, Polarity.PRAISE)) {
                Function<AspectLabels.Review, Set<String>> side = polarity == Polarity.COMPLAINT
                        ? AspectLabels.Review::complaints : AspectLabels.Review::praise;
                int[] y = reviews.stream().mapToInt(r -> side.apply(r).contains(aspect.name()) ? 1 : 0).toArray();
                int positives = java.util.Arrays.stream(y).sum();
                if (positives >= MIN_POSITIVES) {
                    progress.accept("training the " + aspect.name() + " " + polarity.name().toLowerCase() + " reader");
                    models.add(model(aspect, polarity, rows, y, positives));
                }
            }
        }
        return models;
    }

    private static ReviewModel model(AspectDefinition aspect, Polarity polarity, double[][] x, int[] y, int positives) {
        double[] scores = new double[y.length];
        boolean[] truth = new boolean[y.length];
        for (int fold = 0; fold < AspectTrainer.FOLDS; fold++) {
            List<double[]> fx = new ArrayList<>();
            List<Integer> fy = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (i % AspectTrainer.FOLDS != fold) {
                    fx.add(x[i]);
                    fy.add(y[i]);
                }
            }
            ReviewModel m = fit(aspect, polarity, fx.toArray(double[][]::new),
                    fy.stream().mapToInt(Integer::intValue).toArray(), positives, 0.5, 0);
            for (int i = fold; i < y.length; i += AspectTrainer.FOLDS) {
                scores[i] = m.probability(x[i]);
                truth[i] = y[i] == 1;
            }
        }
        double[] chosen = AspectTrainer.bestThreshold(scores, truth);
        return fit(aspect, polarity, x, y, positives, chosen[0], chosen[1]);
    }

    private static ReviewModel fit(AspectDefinition aspect, Polarity polarity, double[][] x, int[] y, int positives,
                                   double threshold, double cvF1) {
        LogisticRegression.Binomial lr = LogisticRegression.binomial(x, y, new LogisticRegression.Options(LAMBDA, 1e-5, 1000));
        double[] w = lr.coefficients(); // Smile puts the intercept last
        return new ReviewModel(aspect.iri(), aspect.name(), polarity, positives, threshold,
                Math.round(cvF1 * 1000) / 1000.0, w[w.length - 1], java.util.Arrays.copyOf(w, w.length - 1));
    }
}

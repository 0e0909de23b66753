package app.segmenta.aspects;

import app.segmenta.search.Embedder;
import app.segmenta.search.VectorIndex;
import org.junit.jupiter.api.Test;
import smile.classification.LogisticRegression;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A measuring stick for the next detector, not a detector: per aspect and polarity, a logistic regression on a review's
 * pooled passage embeddings (mean and max; no rating, no cues), trained on the 14-aspect training split with its
 * threshold chosen by F1 on the training split's own out-of-fold scores, and measured on the evaluation split.
 * Not part of the build (the name does not end in Test): {@code ./mvnw -o test -Dtest=PooledReviewBench}, then read
 * the BENCH lines.
 */
class PooledReviewBench {

    private static final int FOLDS = 5;

    @Test
    void pooledEmbeddingsPerAspectAndPolarity() throws IOException {
        Embedder embedder = new Embedder(Embedder.DEFAULT_MODEL, Path.of("target/djl-cache"));
        AspectLabels train = read(AspectSetsTest.TRAIN);
        AspectLabels eval = read(AspectSetsTest.EVAL);
        double[][] xTrain = pooled(embedder, train);
        double[][] xEval = pooled(embedder, eval);
        List<Double> complaintF1 = new ArrayList<>();
        List<Double> praiseF1 = new ArrayList<>();
        for (AspectDefinition aspect : AspectScheme.shipped()) {
            for (boolean complaint : new boolean[]{true, false}) {
                Function<AspectLabels.Review, Set<String>> side = complaint ? AspectLabels.Review::complaints
                        : AspectLabels.Review::praise;
                int[] yTrain = labels(train, side, aspect.name());
                int[] yEval = labels(eval, side, aspect.name());
                int positives = java.util.Arrays.stream(yEval).sum();
                if (java.util.Arrays.stream(yTrain).sum() < 10) {
                    System.out.printf(Locale.ROOT, "BENCH %-16s %-9s too few training positives%n", aspect.name(),
                            complaint ? "complaint" : "praise");
                    continue;
                }
                double threshold = threshold(xTrain, yTrain);
                LogisticRegression.Binomial model = fit(xTrain, yTrain);
                AspectEvaluation.Score s = score(model, xEval, yEval, threshold);
                System.out.printf(Locale.ROOT, "BENCH %-16s %-9s P %.2f R %.2f F1 %.2f (%d positives)%n", aspect.name(),
                        complaint ? "complaint" : "praise", s.precision(), s.recall(), s.f1(), positives);
                if (positives >= PolarityEvaluation.MEASURABLE) {
                    (complaint ? complaintF1 : praiseF1).add(s.f1());
                }
            }
        }
        System.out.printf(Locale.ROOT, "BENCH macro F1 (40+ positives): complaints %.3f over %d, praise %.3f over %d%n",
                complaintF1.stream().mapToDouble(d -> d).average().orElse(Double.NaN), complaintF1.size(),
                praiseF1.stream().mapToDouble(d -> d).average().orElse(Double.NaN), praiseF1.size());
    }

    private static AspectLabels read(Path file) throws IOException {
        return AspectLabels.read(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Mean and max of each review's passage vectors. */
    private static double[][] pooled(Embedder embedder, AspectLabels set) {
        List<List<VectorIndex.PassageVector>> passages = AspectEvaluation.embed(embedder,
                set.reviews().stream().map(AspectLabels.Review::text).toList());
        double[][] x = new double[passages.size()][];
        for (int i = 0; i < x.length; i++) {
            int d = passages.get(i).getFirst().vector().length;
            double[] row = new double[2 * d];
            java.util.Arrays.fill(row, d, 2 * d, -1);
            for (VectorIndex.PassageVector p : passages.get(i)) {
                for (int j = 0; j < d; j++) {
                    row[j] += p.vector()[j] / passages.get(i).size();
                    row[d + j] = Math.max(row[d + j], p.vector()[j]);
                }
            }
            x[i] = row;
        }
        return x;
    }

    private static int[] labels(AspectLabels set, Function<AspectLabels.Review, Set<String>> side, String aspect) {
        return set.reviews().stream().mapToInt(r -> side.apply(r).contains(aspect) ? 1 : 0).toArray();
    }

    private static LogisticRegression.Binomial fit(double[][] x, int[] y) {
        return LogisticRegression.binomial(x, y, new LogisticRegression.Options(1.0, 1e-5, 1000));
    }

    /** The threshold with the best F1 over out-of-fold scores of the training split. */
    private static double threshold(double[][] x, int[] y) {
        double[] oof = new double[y.length];
        for (int f = 0; f < FOLDS; f++) {
            List<double[]> fx = new ArrayList<>();
            List<Integer> fy = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (i % FOLDS != f) {
                    fx.add(x[i]);
                    fy.add(y[i]);
                }
            }
            LogisticRegression.Binomial m = fit(fx.toArray(double[][]::new), fy.stream().mapToInt(Integer::intValue).toArray());
            for (int i = f; i < y.length; i += FOLDS) {
                oof[i] = probability(m, x[i]);
            }
        }
        double best = 0.5;
        double bestF1 = -1;
        for (double t = 0.05; t < 0.96; t += 0.05) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < y.length; i++) {
                boolean p = oof[i] >= t;
                tp += p && y[i] == 1 ? 1 : 0;
                fp += p && y[i] == 0 ? 1 : 0;
                fn += !p && y[i] == 1 ? 1 : 0;
            }
            double f1 = AspectEvaluation.Score.of(tp, fp, fn).f1();
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t;
            }
        }
        return best;
    }

    private static double probability(LogisticRegression.Binomial m, double[] x) {
        double[] posteriori = new double[2];
        m.predict(x, posteriori);
        return posteriori[1];
    }

    private static AspectEvaluation.Score score(LogisticRegression.Binomial m, double[][] x, int[] y, double threshold) {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean p = probability(m, x[i]) >= threshold;
            tp += p && y[i] == 1 ? 1 : 0;
            fp += p && y[i] == 0 ? 1 : 0;
            fn += !p && y[i] == 1 ? 1 : 0;
        }
        return AspectEvaluation.Score.of(tp, fp, fn);
    }
}

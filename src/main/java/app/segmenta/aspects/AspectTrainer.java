package app.segmenta.aspects;

import app.segmenta.search.Embedder;
import app.segmenta.search.Passages;
import app.segmenta.text.Counts;
import org.apache.commons.codec.digest.DigestUtils;
import smile.classification.LogisticRegression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains one complaint detector per aspect of the ontology. A detector scores passages, and a review counts as a
 * complaint when its best passage does, so one complaint inside a long happy review is found and quoted.
 * <p>
 * Labelled aspects learn from the training set: the passage of each complaining review that is closest to the
 * aspect's complaint examples is a positive, every passage of the other reviews a negative, and the threshold is
 * the one that maximises F1 in 5-fold cross-validation over the reviews. Aspects without labels learn from their
 * example phrases against the passages of 5-star reviews, and keep the 0.5 threshold: they are not measured.
 */
public final class AspectTrainer {

    /** Bumped whenever the procedure changes, so models trained the old way are retrained. */
    static final int VERSION = 2;
    /** Complaints are rare; each positive counts this many times. */
    static final int POSITIVE_WEIGHT = 5;
    /** L2 penalty of Smile's logistic regression (on the summed log-likelihood). */
    static final double LAMBDA = 1.0;
    static final int FOLDS = 5;
    static final long SEED = 20261123L;

    private final Embedder embedder;
    private final Cues cues;
    private final List<AspectDefinition> aspects;
    private final TrainingSet training;

    public AspectTrainer(Embedder embedder, Cues cues, List<AspectDefinition> aspects, TrainingSet training) {
        this.embedder = embedder;
        this.cues = cues;
        this.aspects = aspects;
        this.training = training;
    }

    public static String fingerprint(String embeddingModel, TrainingSet training, Cues cues,
                                     List<AspectDefinition> aspects) {
        return DigestUtils.sha256Hex(String.join("\u0000", "v" + VERSION, embeddingModel, training.source(),
                AspectLabels.shipped().source(), cues.source(), aspects.toString())).substring(0, 16);
    }

    /** A review of the training set, split and embedded. */
    record Embedded(TrainingSet.Labelled review, List<String> passages, List<float[]> vectors) {
    }

    public AspectModels train(Consumer<String> progress) {
        Map<String, List<String>> split = new HashMap<>();
        for (TrainingSet.Labelled r : training.reviews()) {
            split.put(key(r), Passages.split(r.text()).stream().map(Passages.Passage::text).toList());
        }
        Map<String, float[]> vectors = embed(split, progress);
        List<Embedded> reviews = training.reviews().stream().map(r -> new Embedded(r, split.get(key(r)),
                split.get(key(r)).stream().map(vectors::get).toList())).toList();
        List<AspectModel> models = new ArrayList<>();
        for (AspectDefinition aspect : aspects) {
            progress.accept("training the " + aspect.name() + " detector");
            models.add(training.aspects().contains(aspect.name()) ? labelled(aspect, reviews, vectors) : fromExamples(aspect, reviews, vectors));
        }
        List<ReviewModel> readers = new ReviewModelTrainer(embedder, aspects, AspectLabels.shipped()).train(progress);
        return new AspectModels(embedder.modelId(), fingerprint(embedder.modelId(), training, cues, aspects),
                AspectDetector.mentionSimilarity(embedder.modelId()), models, readers);
    }

    /** Every distinct passage and example phrase → its vector. */
    private Map<String, float[]> embed(Map<String, List<String>> split, Consumer<String> progress) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        split.values().forEach(distinct::addAll);
        aspects.forEach(a -> distinct.addAll(a.complaintExamples()));
        List<String> texts = new ArrayList<>(distinct);
        Map<String, float[]> vectors = new HashMap<>();
        int step = 512;
        for (int from = 0; from < texts.size(); from += step) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + step));
            List<float[]> vs = embedder.embedAll(batch);
            for (int i = 0; i < batch.size(); i++) {
                vectors.put(batch.get(i), vs.get(i));
            }
            progress.accept("embedded " + Math.min(texts.size(), from + step) + " of " + Counts.of(texts.size(), "passage"));
        }
        return vectors;
    }

    private AspectModel labelled(AspectDefinition aspect, List<Embedded> reviews, Map<String, float[]> examples) {
        List<Embedded> shuffled = new ArrayList<>(reviews);
        Collections.shuffle(shuffled, new Random(SEED));
        double[] scores = new double[shuffled.size()];
        boolean[] truth = new boolean[shuffled.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Embedded> fit = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                if (i % FOLDS != fold) {
                    fit.add(shuffled.get(i));
                }
            }
            AspectModel m = fit(aspect, fit, examples, true, 0.5, 0);
            for (int i = fold; i < shuffled.size(); i += FOLDS) {
                Embedded e = shuffled.get(i);
                scores[i] = best(m, aspect, e);
                truth[i] = e.review().complaints().get(aspect.name());
            }
        }
        double[] chosen = bestThreshold(scores, truth);
        return fit(aspect, reviews, examples, true, chosen[0], chosen[1]);
    }

    private AspectModel fromExamples(AspectDefinition aspect, List<Embedded> reviews, Map<String, float[]> examples) {
        List<Embedded> happy = reviews.stream()
                .filter(e -> e.review().rating() != null && e.review().rating().doubleValue() >= 5).toList();
        return fit(aspect, happy, examples, false, 0.5, 0);
    }

    private AspectModel fit(AspectDefinition aspect, List<Embedded> reviews, Map<String, float[]> examples,
                            boolean labelled, double threshold, double cvF1) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        int positives = 0;
        for (Embedded e : reviews) {
            if (labelled && e.review().complaints().get(aspect.name())) {
                int at = evidence(aspect, e, examples);
                double[] f = features(aspect, e.vectors().get(at), e.review().rating(), e.passages().get(at));
                positives++;
                for (int k = 0; k < POSITIVE_WEIGHT; k++) {
                    x.add(f);
                    y.add(1);
                }
            } else {
                for (int i = 0; i < e.passages().size(); i++) {
                    x.add(features(aspect, e.vectors().get(i), e.review().rating(), e.passages().get(i)));
                    y.add(0);
                }
            }
        }
        for (String example : aspect.complaintExamples()) {
            double[] f = features(aspect, examples.get(example), BigDecimal.ONE, example);
            for (int k = 0; k < POSITIVE_WEIGHT; k++) {
                x.add(f);
                y.add(1);
            }
        }
        LogisticRegression.Binomial lr = LogisticRegression.binomial(x.toArray(double[][]::new),
                y.stream().mapToInt(Integer::intValue).toArray(), new LogisticRegression.Options(LAMBDA, 1e-5, 1000));
        double[] w = lr.coefficients();
        // Smile puts the intercept last.
        double[] weights = java.util.Arrays.copyOf(w, w.length - 1);
        return new AspectModel(aspect.iri(), aspect.name(), labelled, positives, threshold, round(cvF1),
                w[w.length - 1], weights);
    }

    /** The passage of a complaining review that shows the complaint: nearest to the examples, cues breaking ties. */
    private int evidence(AspectDefinition aspect, Embedded e, Map<String, float[]> examples) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < e.vectors().size(); i++) {
            double s = 0;
            for (String example : aspect.complaintExamples()) {
                s = Math.max(s, dot(e.vectors().get(i), examples.get(example)));
            }
            s += cues.count(aspect.name(), e.passages().get(i)) > 0 ? 0.1 : 0;
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        return best;
    }

    private double best(AspectModel m, AspectDefinition aspect, Embedded e) {
        double best = 0;
        for (int i = 0; i < e.vectors().size(); i++) {
            best = Math.max(best, m.probability(features(aspect, e.vectors().get(i), e.review().rating(), e.passages().get(i))));
        }
        return best;
    }

    private double[] features(AspectDefinition aspect, float[] vector, BigDecimal rating, String passage) {
        return PassageFeatures.of(vector, rating, cues.count(aspect.name(), passage), cues.negative(passage));
    }

    /** {threshold, F1}: the threshold on a 0.05 grid with the best F1. */
    static double[] bestThreshold(double[] scores, boolean[] truth) {
        double[] best = {0.5, 0};
        for (int step = 1; step < 20; step++) {
            double t = step * 0.05;
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < scores.length; i++) {
                boolean p = scores[i] >= t;
                tp += p && truth[i] ? 1 : 0;
                fp += p && !truth[i] ? 1 : 0;
                fn += !p && truth[i] ? 1 : 0;
            }
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            if (f1 > best[1]) {
                best = new double[]{round(t), f1};
            }
        }
        return best;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static String key(TrainingSet.Labelled r) {
        return r.source() + "#" + r.row();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

package app.segmenta.aspects;

import app.segmenta.search.Embedder;
import app.segmenta.search.VectorIndex;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Complaint and praise detection for every aspect, measured on a set labelled for all of them, once with the reviews'
 * ratings and once with the ratings removed (a source without ratings must lose little). Macro F1 averages the aspects
 * that have at least {@link #MEASURABLE} positives in the set, as the targets do.
 */
public final class PolarityEvaluation {

    /** Fewer positives than this in a set do not measure an aspect (the bar for a target). */
    public static final int MEASURABLE = 40;

    public record Result(String embeddingModel, int reviews, boolean withRatings,
                         Map<String, AspectEvaluation.Score> complaints, Map<String, AspectEvaluation.Score> praise,
                         double complaintMacroF1, double praiseMacroF1) {
    }

    private PolarityEvaluation() {
    }

    /** With the ratings, then with them removed; the passages are embedded once for both. */
    public static List<Result> evaluate(AspectDetector detector, Embedder embedder, AspectLabels labels,
                                        List<String> aspects) {
        List<String> texts = labels.reviews().stream().map(AspectLabels.Review::text).toList();
        var passages = AspectEvaluation.embed(embedder, texts);
        return List.of(evaluate(detector, embedder.modelId(), passages, labels, aspects, true),
                evaluate(detector, embedder.modelId(), passages, labels, aspects, false));
    }

    private static Result evaluate(AspectDetector detector, String model,
                                   List<List<VectorIndex.PassageVector>> passages,
                                   AspectLabels labels, List<String> aspects, boolean withRatings) {
        List<AspectLabels.Review> reviews = labels.reviews();
        List<BigDecimal> ratings = reviews.stream().map(r -> withRatings ? r.rating() : null).toList();
        List<List<AspectFinding>> findings = AspectEvaluation.detectAll(detector, passages, ratings,
                reviews.stream().map(AspectLabels.Review::text).toList());
        Map<String, int[]> complaints = counts(aspects);
        Map<String, int[]> praise = counts(aspects);
        for (int i = 0; i < reviews.size(); i++) {
            AspectLabels.Review r = reviews.get(i);
            List<AspectFinding> found = findings.get(i);
            for (String aspect : aspects) {
                AspectEvaluation.count(complaints.get(aspect), has(found, aspect, Polarity.COMPLAINT),
                        r.complaints().contains(aspect));
                AspectEvaluation.count(praise.get(aspect), has(found, aspect, Polarity.PRAISE), r.praise().contains(aspect));
            }
        }
        Map<String, AspectEvaluation.Score> c = scores(complaints);
        Map<String, AspectEvaluation.Score> p = scores(praise);
        return new Result(model, reviews.size(), withRatings, c, p, macro(c), macro(p));
    }

    private static boolean has(List<AspectFinding> found, String aspect, Polarity polarity) {
        return found.stream().anyMatch(f -> f.name().equals(aspect) && f.polarity() == polarity);
    }

    private static Map<String, int[]> counts(List<String> aspects) {
        Map<String, int[]> out = new LinkedHashMap<>();
        aspects.forEach(a -> out.put(a, new int[3]));
        return out;
    }

    private static Map<String, AspectEvaluation.Score> scores(Map<String, int[]> counts) {
        Map<String, AspectEvaluation.Score> out = new LinkedHashMap<>();
        counts.forEach((a, c) -> out.put(a, AspectEvaluation.Score.of(c[0], c[1], c[2])));
        return out;
    }

    /** The mean F1 over the aspects with enough positives to measure; NaN when none has. */
    static double macro(Map<String, AspectEvaluation.Score> scores) {
        return scores.values().stream().filter(s -> s.truePositives() + s.falseNegatives() >= MEASURABLE)
                .mapToDouble(AspectEvaluation.Score::f1).average().orElse(Double.NaN);
    }
}

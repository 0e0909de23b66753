package app.segmenta.aspects;

import app.segmenta.search.Embedder;
import app.segmenta.search.Passages;
import app.segmenta.search.VectorIndex;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Precision, recall and F1 of the complaint detectors on a labelled set, next to the keyword baseline the issue
 * sets (a delivery word and a rating of 3 or less), measured the same way.
 */
public final class AspectEvaluation {

    /** The baseline: "ship|deliver|arriv|packag" in title or text, rating ≤ 3. */
    static final Pattern BASELINE = Pattern.compile("ship|deliver|arriv|packag", Pattern.CASE_INSENSITIVE);

    public record Score(int truePositives, int falsePositives, int falseNegatives, double precision, double recall,
                        double f1) {
        static Score of(int tp, int fp, int fn) {
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            return new Score(tp, fp, fn, round(p), round(r), round(f));
        }
    }

    public record Result(String embeddingModel, int reviews, Map<String, Score> detector, Score shippingBaseline) {
    }

    private AspectEvaluation() {
    }

    /** The detector reads the text only; the baseline also reads the title. */
    public static Result evaluate(AspectDetector detector, Embedder embedder, TrainingSet labelled) {
        List<TrainingSet.Labelled> reviews = labelled.reviews();
        List<List<AspectFinding>> findings = detectAll(detector, embedder,
                reviews.stream().map(TrainingSet.Labelled::rating).toList(),
                reviews.stream().map(TrainingSet.Labelled::text).toList());
        Map<String, int[]> counts = new LinkedHashMap<>();
        labelled.aspects().forEach(a -> counts.put(a, new int[3]));
        int[] baseline = new int[3];
        for (int i = 0; i < reviews.size(); i++) {
            TrainingSet.Labelled r = reviews.get(i);
            List<AspectFinding> found = findings.get(i);
            for (String aspect : labelled.aspects()) {
                boolean predicted = found.stream().anyMatch(f -> f.name().equals(aspect) && f.polarity() == Polarity.COMPLAINT);
                count(counts.get(aspect), predicted, r.complaints().get(aspect));
            }
            if (r.complaints().containsKey("shipping")) {
                boolean keyword = BASELINE.matcher(r.title() + " " + r.text()).find()
                        && r.rating() != null && r.rating().doubleValue() <= 3;
                count(baseline, keyword, r.complaints().get("shipping"));
            }
        }
        Map<String, Score> scores = new LinkedHashMap<>();
        counts.forEach((a, c) -> scores.put(a, Score.of(c[0], c[1], c[2])));
        return new Result(embedder.modelId(), reviews.size(), scores, Score.of(baseline[0], baseline[1], baseline[2]));
    }

    /** What the detector finds in each text (read as the store reads it: split into passages, each embedded once). */
    static List<List<AspectFinding>> detectAll(AspectDetector detector, Embedder embedder, List<BigDecimal> ratings,
                                               List<String> texts) {
        return detectAll(detector, embed(embedder, texts), ratings, texts);
    }

    static List<List<AspectFinding>> detectAll(AspectDetector detector, List<List<VectorIndex.PassageVector>> passages,
                                               List<BigDecimal> ratings, List<String> texts) {
        List<List<AspectFinding>> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(detector.detect(ratings.get(i), texts.get(i), passages.get(i)));
        }
        return out;
    }

    /** Each text's passages with their vectors. */
    static List<List<VectorIndex.PassageVector>> embed(Embedder embedder, List<String> texts) {
        List<List<Passages.Passage>> split = texts.stream().map(Passages::split).toList();
        List<String> passageTexts = new ArrayList<>();
        split.forEach(ps -> ps.forEach(p -> passageTexts.add(p.text())));
        List<float[]> vectors = embedder.embedAll(passageTexts);
        List<List<VectorIndex.PassageVector>> out = new ArrayList<>(texts.size());
        int at = 0;
        for (List<Passages.Passage> ps : split) {
            List<VectorIndex.PassageVector> passages = new ArrayList<>();
            for (Passages.Passage p : ps) {
                passages.add(new VectorIndex.PassageVector(passages.size(), p.start(), p.end(), null, vectors.get(at++)));
            }
            out.add(passages);
        }
        return out;
    }

    static void count(int[] c, boolean predicted, boolean truth) {
        if (predicted && truth) {
            c[0]++;
        } else if (predicted) {
            c[1]++;
        } else if (truth) {
            c[2]++;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

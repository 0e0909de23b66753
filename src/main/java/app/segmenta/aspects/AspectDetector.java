package app.segmenta.aspects;

import app.segmenta.search.Embedder;
import app.segmenta.search.VectorIndex;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the aspects a review talks about from its passage vectors, its text and its rating. A complaint is a
 * passage the aspect's complaint detector scores at or above its threshold (and, for a detector not trained on
 * labelled reviews, that is also close to the aspect's example phrases). Otherwise a passage close to the
 * aspect's example phrases is a mention: praise in a review rated 4 or more without dissatisfaction cues,
 * neutral otherwise.
 */
public final class AspectDetector {

    private final AspectModels models;
    private final Cues cues;
    /** Aspect name → vectors of all its example phrases, for telling mentions apart from silence. */
    private final Map<String, List<float[]>> examples;

    public AspectDetector(AspectModels models, Cues cues, Map<String, List<float[]>> examples) {
        this.models = models;
        this.cues = cues;
        this.examples = examples;
    }

    /** A detector for these models, with the aspects' example phrases embedded by the same model. */
    public static AspectDetector of(AspectModels models, Cues cues, List<AspectDefinition> aspects, Embedder embedder) {
        Map<String, List<float[]>> examples = new HashMap<>();
        for (AspectDefinition a : aspects) {
            List<String> phrases = new ArrayList<>(a.complaintExamples());
            phrases.addAll(a.praiseExamples());
            examples.put(a.name(), embedder.embedAll(phrases));
        }
        return new AspectDetector(models, cues, examples);
    }

    /**
     * The cosine similarity to an aspect's examples from which a passage counts as speaking of it, per embedding
     * model: about the 99th percentile of passage similarities, where reading the passages showed them on topic.
     */
    public static double mentionSimilarity(String embeddingModel) {
        return switch (embeddingModel) {
            case "bge-small-en-v15-q" -> 0.75;
            case "all-minilm-l6-v2-q" -> 0.55;
            default -> 0.70;
        };
    }

    public AspectModels models() {
        return models;
    }

    /** Which detector read a review: its models and these rules, so a change to either reads reviews again. */
    public String version() {
        return models.fingerprint() + "-r" + RULES;
    }

    /** Bumped whenever {@link #detect} decides differently from the same models. */
    static final int RULES = 2;

    /** A passage with what every aspect's detector reads of it besides its own cues. */
    private record Read(VectorIndex.PassageVector vector, String text, boolean negative) {
    }

    public List<AspectFinding> detect(BigDecimal rating, String text, List<VectorIndex.PassageVector> passages) {
        List<Read> read = passages.stream().map(p -> {
            String passage = text.substring(p.start(), Math.min(p.end(), text.length()));
            return new Read(p, passage, cues.negative(passage));
        }).toList();
        List<AspectFinding> out = new ArrayList<>();
        for (AspectModel model : models.models()) {
            AspectFinding f = detect(model, rating, read);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private AspectFinding detect(AspectModel model, BigDecimal rating, List<Read> passages) {
        Read complaint = null;
        double complaintScore = -1;
        Read mention = null;
        double mentionScore = -1;
        for (Read p : passages) {
            double prob = model.probability(PassageFeatures.of(p.vector().vector(), rating,
                    cues.count(model.name(), p.text()), p.negative()));
            if (prob > complaintScore) {
                complaintScore = prob;
                complaint = p;
            }
            double similarity = similarity(model.name(), p.vector().vector());
            if (similarity > mentionScore) {
                mentionScore = similarity;
                mention = p;
            }
        }
        boolean onTopic = mention != null && mentionScore >= models.mentionSimilarity();
        // A detector trained on example phrases alone learns "unhappy" more than its topic: it must also be on topic.
        if (complaint != null && complaintScore >= model.threshold() && (model.measured() || onTopic)) {
            return finding(model, Polarity.COMPLAINT, complaintScore, complaint.vector());
        }
        if (!onTopic) {
            return null;
        }
        boolean praise = rating != null && rating.doubleValue() >= 4 && !mention.negative();
        return finding(model, praise ? Polarity.PRAISE : Polarity.NEUTRAL, mentionScore, mention.vector());
    }

    private double similarity(String aspect, float[] vector) {
        double best = -1;
        for (float[] e : examples.getOrDefault(aspect, List.of())) {
            best = Math.max(best, AspectTrainer.dot(vector, e));
        }
        return best;
    }

    private static AspectFinding finding(AspectModel m, Polarity polarity, double score, VectorIndex.PassageVector p) {
        return new AspectFinding(m.aspect(), m.name(), polarity, Math.round(score * 1000) / 1000.0, p.start(), p.end());
    }
}

package app.segmenta.aspects;

import app.segmenta.search.Embedder;
import app.segmenta.search.VectorIndex;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the aspects a review talks about from its passage vectors, its text and its rating. Where the 14-aspect
 * training split has labels enough, a review-level reader per aspect and polarity decides from the words alone
 * (rating or not), and its best passage is the evidence. Otherwise a complaint is a passage the aspect's complaint
 * detector scores at or above its threshold (the detectors trained on labelled reviews always decide complaints; one
 * trained on example phrases only counts when the passage is also close to the aspect's examples), and praise an
 * on-topic passage of a review rated 4 or more without dissatisfaction cues. A passage close to the aspect's examples
 * that is neither is a neutral mention.
 */
public final class AspectDetector {

    private final AspectModels models;
    private final Cues cues;
    /** Aspect name → vectors of all its example phrases, for telling mentions apart from silence. */
    private final Map<String, List<float[]>> examples;
    /** Aspect name → its review-level readers by polarity, where there are labels enough to train them. */
    private final Map<String, Map<Polarity, ReviewModel>> readers = new HashMap<>();

    public AspectDetector(AspectModels models, Cues cues, Map<String, List<float[]>> examples) {
        this.models = models;
        this.cues = cues;
        this.examples = examples;
        for (ReviewModel r : models.reviewModels()) {
            readers.computeIfAbsent(r.name(), k -> new java.util.EnumMap<>(Polarity.class)).put(r.polarity(), r);
        }
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
    static final int RULES = 3;

    /** A passage with what every aspect's detector reads of it besides its own cues. */
    private record Read(VectorIndex.PassageVector vector, String text, boolean negative) {
    }

    public List<AspectFinding> detect(BigDecimal rating, String text, List<VectorIndex.PassageVector> passages) {
        List<Read> read = passages.stream().map(p -> {
            String passage = text.substring(p.start(), Math.min(p.end(), text.length()));
            return new Read(p, passage, cues.negative(passage));
        }).toList();
        double[] pooled = read.isEmpty() || readers.isEmpty() ? null
                : Pooled.of(read.stream().map(r -> r.vector().vector()).toList());
        List<AspectFinding> out = new ArrayList<>();
        for (AspectModel model : models.models()) {
            AspectFinding f = detect(model, rating, read, pooled);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private AspectFinding detect(AspectModel model, BigDecimal rating, List<Read> passages, double[] pooled) {
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
        Map<Polarity, ReviewModel> reader = readers.getOrDefault(model.name(), Map.of());
        // Complaint: a passage-level detector trained on labelled reviews, else the review-level reader, else a
        // detector trained on example phrases alone, which learns "unhappy" more than its topic: it must be on topic.
        AspectFinding complains = null;
        double complaintMargin = 0;
        if (model.measured() || !reader.containsKey(Polarity.COMPLAINT)) {
            if (complaint != null && complaintScore >= model.threshold() && (model.measured() || onTopic)) {
                complains = finding(model, Polarity.COMPLAINT, complaintScore, complaint.vector());
                complaintMargin = complaintScore - model.threshold();
            }
        } else if (pooled != null) {
            complains = read(model, reader.get(Polarity.COMPLAINT), pooled, passages);
            complaintMargin = complains == null ? 0 : complains.score() - reader.get(Polarity.COMPLAINT).threshold();
        }
        // Praise: the review-level reader, from the words alone; without one, an on-topic passage in a 4-5 star review
        // without dissatisfaction cues.
        AspectFinding praises = null;
        double praiseMargin = 0;
        if (reader.containsKey(Polarity.PRAISE)) {
            if (pooled != null) {
                praises = read(model, reader.get(Polarity.PRAISE), pooled, passages);
                praiseMargin = praises == null ? 0 : praises.score() - reader.get(Polarity.PRAISE).threshold();
            }
        } else if (onTopic && rating != null && rating.doubleValue() >= 4 && !mention.negative()) {
            praises = finding(model, Polarity.PRAISE, mentionScore, mention.vector());
        }
        // A review holds one reading per aspect: when it reads as both, the complaint of a detector trained on labelled
        // passages (the sharper judge), else the clearer of the two.
        if (complains != null && (praises == null || model.measured() || complaintMargin >= praiseMargin)) {
            return complains;
        }
        if (praises != null) {
            return praises;
        }
        return onTopic ? finding(model, Polarity.NEUTRAL, mentionScore, mention.vector()) : null;
    }

    /** The reader's finding, shown by the passage it scores highest on its own; null below its threshold. */
    private static AspectFinding read(AspectModel model, ReviewModel reader, double[] pooled, List<Read> passages) {
        double p = reader.probability(pooled);
        if (p < reader.threshold()) {
            return null;
        }
        Read shown = passages.getFirst();
        double best = Double.NEGATIVE_INFINITY;
        for (Read r : passages) {
            double s = reader.probability(Pooled.ofOne(r.vector().vector()));
            if (s > best) {
                best = s;
                shown = r;
            }
        }
        return finding(model, reader.polarity(), p, shown.vector());
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

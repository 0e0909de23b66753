package app.segmenta.aspects;

import java.util.List;

/**
 * The detectors trained for one embedding model: passage-level complaint detectors per aspect, and review-level
 * readers per aspect and polarity where the 14-aspect training split has enough labels.
 *
 * @param fingerprint hash of everything they were trained from (training sets, cues, ontology examples, trainer),
 *                    so a stale file is retrained instead of trusted
 */
public record AspectModels(String embeddingModel, String fingerprint, double mentionSimilarity,
                           List<AspectModel> models, List<ReviewModel> reviewModels) {

    public AspectModels {
        reviewModels = reviewModels == null ? List.of() : List.copyOf(reviewModels);
    }
}

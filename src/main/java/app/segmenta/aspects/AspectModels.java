package app.segmenta.aspects;

import java.util.List;

/**
 * The complaint detectors trained for one embedding model.
 *
 * @param fingerprint hash of everything they were trained from (training set, cues, ontology examples, trainer),
 *                    so a stale file is retrained instead of trusted
 */
public record AspectModels(String embeddingModel, String fingerprint, double mentionSimilarity,
                           List<AspectModel> models) {
}

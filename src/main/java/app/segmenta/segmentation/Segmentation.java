package app.segmenta.segmentation;

import app.segmenta.audience.AudienceQuery;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored run of the segmentation pipeline over an audience.
 *
 * @param audienceQuery the audience definition, to reopen and re-segment it
 * @param customers     customers of the audience when it was segmented
 * @param reason        why this k
 * @param unassigned    customers in no segment (HDBSCAN's noise), never silently dropped
 * @param map           2-d coordinates of every customer, for the segment map
 */
@JsonPropertyOrder({"id", "createdAt", "k", "algorithm", "seed", "reason", "quality", "settings", "customers"})
public record Segmentation(String id, Instant createdAt, AudienceQuery audienceQuery, int customers, int k,
                           String algorithm, long seed, String reason, Settings settings, Quality quality,
                           List<Segment> segments, List<String> unassigned, SegmentMap map) {

    /**
     * @param weights  weight of each feature block
     * @param columns  feature columns each block contributed (a block with no data contributes none)
     * @param reduction  how features were reduced before clustering
     * @param requestedK the k asked for; null when k was chosen (a re-segmentation chooses again)
     */
    public record Settings(Map<String, Double> weights, Map<String, Integer> columns, String reduction,
                           Integer requestedK) {
    }

    /**
     * @param silhouette    -1..1, higher is better (null with one segment)
     * @param daviesBouldin 0 and up, lower is better (null with one segment)
     * @param stability     adjusted Rand index against re-runs with other seeds: 1 same segments, 0 chance
     * @param unassigned    customers in no segment
     * @param summary       the numbers in plain words
     */
    public record Quality(Double silhouette, Double daviesBouldin, Double stability, long unassigned, String summary) {
    }

    /** @param method how the coordinates were computed (PCA or UMAP) */
    public record SegmentMap(String method, List<Point> points) {
    }

    /** @param segment the segment id, null for an unassigned customer */
    public record Point(String customerId, String segment, double x, double y) {
    }

    public Segmentation withSegments(List<Segment> newSegments) {
        return new Segmentation(id, createdAt, audienceQuery, customers, k, algorithm, seed, reason, settings, quality,
                newSegments, unassigned, map);
    }
}

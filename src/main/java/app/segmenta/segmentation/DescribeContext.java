package app.segmenta.segmentation;

import java.util.function.Function;

/**
 * What describers work from.
 *
 * @param rows         customers in the clustering space (row i is customer i of the data)
 * @param conceptLabel a category or aspect IRI → its label
 */
public record DescribeContext(String segmentationId, AudienceData data, Clusters clusters, double[][] rows,
                              Function<String, String> conceptLabel) {
}

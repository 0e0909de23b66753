package app.segmenta.search;

/**
 * What one embedding pass did.
 *
 * @param reviews        reviews embedded in this pass (new or changed since they were last embedded)
 * @param passages       their passages
 * @param cachedPassages passages whose text was already embedded, reused instead of computed
 * @param removed        reviews no longer in the graph, dropped from the index
 * @param upToDate       reviews that needed nothing
 */
public record EmbeddingSummary(String model, long reviews, long passages, long cachedPassages, long removed,
                               long upToDate, double seconds, double reviewsPerSecond, double passagesPerSecond) {
}

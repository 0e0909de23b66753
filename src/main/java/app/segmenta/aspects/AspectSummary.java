package app.segmenta.aspects;

import java.util.Map;

/**
 * One aspect detection pass.
 *
 * @param reviews    reviews read in this pass (new, changed, or read by an older detector)
 * @param unchanged  reviews already read by the current detector
 * @param waiting    reviews left for a later pass because their vectors are not in the index yet
 * @param complaints complaints found per aspect name
 */
public record AspectSummary(String detector, long reviews, long unchanged, long waiting, Map<String, Long> complaints,
                            long praise, long neutral, double seconds) {
}

package app.segmenta.aspects;

/**
 * One aspect found in one review.
 *
 * @param score the complaint probability for a complaint, the similarity to the aspect's examples otherwise
 * @param start offset of the passage that shows it in the review text
 * @param end   end offset (exclusive) of that passage
 */
public record AspectFinding(String aspect, String name, Polarity polarity, double score, int start, int end) {
}

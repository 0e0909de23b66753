package app.segmenta.assistant;

import java.util.List;

/**
 * Two audiences side by side, every figure computed: sizes, the customers they share, and how often each one's
 * reviews complain about or praise each aspect.
 */
public record Comparison(Side first, Side second, long sharedCustomers, List<AspectDifference> differences) {

    public record Side(Criteria criteria, long customers, long reviews) {
    }

    /** @param firstShare share of the first audience's reviews with this mention; likewise the second */
    public record AspectDifference(String aspect, String label, String polarity, double firstShare, double secondShare) {
    }
}

package app.segmenta.segmentation;

import java.util.List;

/**
 * One stage of describing segments. Describers run in a chain: statistics first (sizes, terms, lifts, quotes),
 * then writers that put the facts into words; each gets the previous one's segments.
 */
public interface SegmentDescriber {

    List<Segment> describe(DescribeContext context, List<Segment> segments);
}

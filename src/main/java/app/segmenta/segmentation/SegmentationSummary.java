package app.segmenta.segmentation;

import app.segmenta.audience.AudienceQuery;

import java.time.Instant;
import java.util.List;

/** A stored segmentation as a listing shows it. */
public record SegmentationSummary(String id, Instant createdAt, String algorithm, int k, int customers,
                                  Segmentation.Quality quality, AudienceQuery audienceQuery, List<SegmentLine> segments) {

    /** @param size members when it was computed */
    public record SegmentLine(int number, String label, int size) {
    }
}

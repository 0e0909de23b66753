package app.segmenta.segmentation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An audience read for segmentation: its customers (sorted by id, so runs are reproducible) and, for the
 * audience's reviews, where they came from, their mean embedding and their stored text (quotes are cut from it).
 */
public record AudienceData(List<CustomerData> customers, Map<String, ReviewInfo> reviews,
                           Map<String, float[]> reviewMeanings, Map<String, String> texts) {

    /** Where a review came from and its rating (null when the source has none). */
    public record ReviewInfo(String customerId, String source, long sourceRow, BigDecimal rating) {
    }
}

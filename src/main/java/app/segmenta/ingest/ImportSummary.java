package app.segmenta.ingest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * What one import did. The first six fields are the stable shape scripts rely on; the rest explain it.
 *
 * @param read                   records read, skipped ones included
 * @param mappingFile            the mapping file used, or null for auto-detection alone
 * @param unmappedCategories     category values that matched no concept, with how many reviews carry each
 * @param similarityMapped       category values that matched no name but came close in meaning to a concept, mapped
 *                               there: listed weakest first, so a person can check them
 * @param warnings               values dropped from rows that were kept (an unreadable date...)
 * @param categoryValuesMapped   distinct category values that mapped to a concept
 * @param reviewsWithoutCategory reviews whose product has no category at all
 */
@JsonPropertyOrder({"read", "imported", "updated", "unchanged", "skipped", "unmappedCategories"})
public record ImportSummary(long read, long imported, long updated, long unchanged, List<RowIssue> skipped,
                            List<LabelCount> unmappedCategories, List<SimilarityMapping> similarityMapped, String source, String file, String format,
                            Map<String, Object> mapping, String mappingFile, List<String> ignoredColumns, List<RowIssue> warnings,
                            long customers, long products, long categoryValuesMapped, long reviewsWithoutCategory,
                            double seconds, double rowsPerSecond) {

    /** A record that was skipped or trimmed, by its 1-based record number. */
    public record RowIssue(long row, String reason) {
    }

    public record LabelCount(String label, long reviews) {
    }

    /** @param score cosine similarity to the concept name it came closest to, {@code nearestName} */
    public record SimilarityMapping(String label, String concept, String conceptLabel, double score, String nearestName,
                                    long reviews) {
    }
}

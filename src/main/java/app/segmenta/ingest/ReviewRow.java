package app.segmenta.ingest;

import app.segmenta.catalog.CustomerAttribute;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One valid source record, mapped onto our fields. Optional fields are null when the source has none.
 *
 * @param row             1-based record number in the source file
 * @param extraAttributes customer attributes a mapping file added by name
 */
public record ReviewRow(long row, String text, String title, BigDecimal rating, LocalDate date, String customerId,
                        String productId, String productName, String brand, CategoryValue category,
                        Map<CustomerAttribute, String> attributes, Map<String, String> extraAttributes) {

    /**
     * The category as the source gives it.
     *
     * @param raw    the value as written (a path joined with " > " when it came from several columns)
     * @param labels its parts
     * @param path   true when the parts go from broad to specific; false for a list of labels
     */
    public record CategoryValue(String raw, List<String> labels, boolean path) {
        static final CategoryValue NONE = new CategoryValue("", List.of(), false);

        boolean isEmpty() {
            return labels.isEmpty();
        }
    }
}

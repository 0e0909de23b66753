package app.segmenta.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Everything the graph knows about one customer. */
public record CustomerProfile(String id, boolean anonymous, Map<String, String> attributes,
                              List<ProductSummary> products, List<ConceptRef> categories, List<ReviewSummary> reviews) {

    /** A product the customer reviewed; {@code unmappedCategories} are source labels that matched no concept. */
    public record ProductSummary(String iri, String id, String name, String brand, List<ConceptRef> categories,
                                 List<String> unmappedCategories) {
    }

    /** One review, with the file and 1-based record it was imported from. */
    public record ReviewSummary(String iri, String product, BigDecimal rating, String date, String title, String text,
                                String source, long sourceRow) {
    }
}

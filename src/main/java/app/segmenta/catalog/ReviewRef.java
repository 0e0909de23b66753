package app.segmenta.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A review as listings show it.
 *
 * @param iri        the review's IRI, its id
 * @param customerId the customer's id in the store's data
 * @param date       the review date, where the source has one
 * @param concepts   category concepts its product is filed under (those it was found under, when found by category)
 */
public record ReviewRef(String iri, String customerId, String source, long sourceRow, BigDecimal rating, LocalDate date,
                        List<String> concepts) {
}

package app.segmenta.catalog;

import java.math.BigDecimal;

/**
 * A review as listings show it.
 *
 * @param iri        the review's IRI, its id
 * @param customerId the customer's id in the store's data
 * @param concept    the category concept it was found under, or null when no category was asked for
 */
public record ReviewRef(String iri, String customerId, String source, long sourceRow, BigDecimal rating, String concept) {
}

package app.segmenta.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One review as segmentation sees it: who wrote it, when, and the rating.
 *
 * @param customer   the customer's IRI
 * @param customerId the customer's id in the store's data
 */
public record ReviewFacts(String review, String customer, String customerId, BigDecimal rating, LocalDate date) {
}

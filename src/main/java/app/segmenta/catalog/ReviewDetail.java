package app.segmenta.catalog;

import java.math.BigDecimal;

/** One stored review, as a quote's link opens it: the text as imported and where it came from. */
public record ReviewDetail(String iri, String customerId, String product, BigDecimal rating, String date, String title,
                           String text, String source, long sourceRow) {
}

package app.segmenta.search;

import java.math.BigDecimal;

/**
 * Who to find.
 *
 * @param category  free text naming categories ("baby products"), or null for every category
 * @param text      what the reviews should mean ("mentions gifts for grandparents"), or null
 * @param minRating lowest rating, inclusive, or null
 * @param maxRating highest rating, inclusive, or null
 */
public record AudienceQuery(String category, String text, BigDecimal minRating, BigDecimal maxRating) {
}

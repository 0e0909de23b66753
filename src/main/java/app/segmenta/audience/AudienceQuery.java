package app.segmenta.audience;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Who to find. Every limit is optional; they combine with AND.
 *
 * @param category   free text naming categories ("baby products") or category IRIs separated by spaces; every
 *                   sub-category is included
 * @param aspect     free text naming aspects ("delivery") or aspect IRIs separated by spaces
 * @param polarity   negative, positive, neutral or any (null = any)
 * @param text       what the reviews should mean ("mentions gifts for grandparents")
 * @param from       earliest review date, inclusive
 * @param to         latest review date, inclusive
 * @param attributes customer attribute → value ("region" → "CA"), compared ignoring case
 */
public record AudienceQuery(String category, String aspect, String polarity, String text, BigDecimal minRating,
                            BigDecimal maxRating, LocalDate from, LocalDate to, Map<String, String> attributes) {

    public AudienceQuery {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Category, meaning and rating limits only. */
    public static AudienceQuery of(String category, String text, BigDecimal minRating, BigDecimal maxRating) {
        return new AudienceQuery(category, null, null, text, minRating, maxRating, null, null, Map.of());
    }

    public AudienceQuery withAspect(String aspect, String polarity) {
        return new AudienceQuery(category, aspect, polarity, text, minRating, maxRating, from, to, attributes);
    }
}

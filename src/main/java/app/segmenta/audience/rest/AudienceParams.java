package app.segmenta.audience.rest;

import app.segmenta.audience.AudienceQuery;
import jakarta.ws.rs.QueryParam;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An audience as query parameters ({@code category=&aspect=&polarity=&text=&minRating=&maxRating=&from=&to=&attribute=NAME=VALUE}),
 * for every endpoint that takes one.
 */
public class AudienceParams {

    @QueryParam("category")
    String category;
    @QueryParam("aspect")
    String aspect;
    @QueryParam("polarity")
    String polarity;
    @QueryParam("text")
    String text;
    @QueryParam("minRating")
    BigDecimal minRating;
    @QueryParam("maxRating")
    BigDecimal maxRating;
    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;
    @QueryParam("attribute")
    List<String> attributes;

    /** @throws IllegalArgumentException for a date that is not YYYY-MM-DD or an attribute limit that is not NAME=VALUE */
    public AudienceQuery query() {
        return new AudienceQuery(category, aspect, polarity, text, minRating, maxRating, date(from), date(to), pairs(attributes));
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Dates are written YYYY-MM-DD: '" + text + "'.");
        }
    }

    /** {@code attribute=region=CA} → region → CA. */
    private static Map<String, String> pairs(List<String> attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : attributes == null ? List.<String>of() : attributes) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("An attribute limit is NAME=VALUE: '" + a + "'.");
            }
            out.put(a.substring(0, eq).strip(), a.substring(eq + 1).strip());
        }
        return out;
    }
}

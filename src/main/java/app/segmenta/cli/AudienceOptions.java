package app.segmenta.cli;

import app.segmenta.audience.AudienceQuery;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audience filters, shared by the commands that take an audience. */
public class AudienceOptions {

    @Option(names = "--category", paramLabel = "TEXT", description = "Categories in words, e.g. \"baby products\".")
    String category;

    @Option(names = "--aspect", paramLabel = "TEXT", description = "What they talk about, e.g. \"delivery\", \"fit\".")
    String aspect;

    @Option(names = "--polarity", paramLabel = "negative|positive|neutral|any",
            description = "Complaints (negative), praise (positive) or any mention (default any).")
    String polarity;

    @Option(names = "--text", paramLabel = "TEXT", description = "What the reviews should mean, e.g. \"gift for grandparents\".")
    String text;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Reviews written on or after this date.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Reviews written on or before this date.")
    LocalDate to;

    @Option(names = "--attribute", paramLabel = "NAME=VALUE",
            description = "A customer attribute value, e.g. region=CA (repeatable; all must hold).")
    Map<String, String> attributes = new LinkedHashMap<>();

    @Option(names = "--min-rating", paramLabel = "N")
    BigDecimal minRating;

    @Option(names = "--max-rating", paramLabel = "N")
    BigDecimal maxRating;

    AudienceQuery query() {
        return new AudienceQuery(category, aspect, polarity, text, minRating, maxRating, from, to, attributes);
    }
}

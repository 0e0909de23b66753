package app.segmenta.cli;

import app.segmenta.catalog.ConceptRef;
import app.segmenta.audience.Audience;
import app.segmenta.audience.AudienceQuery;
import app.segmenta.audience.AudienceService;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "audience", mixinStandardHelpOptions = true,
        description = "Find the customers and reviews under some categories (every sub-category included) that "
                + "complain about, praise or mention an aspect, within rating, date and customer limits, optionally "
                + "those whose reviews mean something. The interpretation of the words is shown first.")
@Dependent
public class AudienceCommand implements Callable<Integer> {

    private static final int SHOWN = 10;

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

    @Option(names = "--json", description = "Print {\"interpretation\":...,\"audience\":...} with every matching review.")
    boolean json;

    private final AudienceService audiences;
    private final DataPresence data;
    private final Output output;

    public AudienceCommand(AudienceService audiences, DataPresence data, Output output) {
        this.audiences = audiences;
        this.data = data;
        this.output = output;
    }

    @Override
    public Integer call() {
        if (data.missing(output)) {
            return 1;
        }
        Audience a = audiences.find(new AudienceQuery(category, aspect, polarity, text, minRating, maxRating, from, to,
                attributes));
        if (json) {
            output.json(a);
            return 0;
        }
        var out = output.out();
        out.println("Read as: categories " + (a.interpretation().categories().isEmpty() ? "(all)"
                : String.join(", ", a.interpretation().categories().stream().map(ConceptRef::label).toList()))
                + " (with every sub-category); aspects " + (a.interpretation().aspects().isEmpty() ? "(any)"
                : String.join(", ", a.interpretation().aspects().stream().map(ConceptRef::label).toList()))
                + "; polarity " + a.interpretation().polarity() + "; filters " + a.interpretation().filters());
        out.printf("Audience: %,d customers, %,d reviews%n", a.audience().customers(), a.audience().reviews());
        a.audience().items().stream().limit(SHOWN).forEach(i -> out.printf("  %.2f  %s (%s row %d): %s%n",
                i.score(), i.customerId(), i.source(), i.sourceRow(), i.why()));
        if (a.audience().items().size() > SHOWN) {
            out.printf("  … and %,d more (--json lists them all)%n", a.audience().items().size() - SHOWN);
        }
        return 0;
    }
}

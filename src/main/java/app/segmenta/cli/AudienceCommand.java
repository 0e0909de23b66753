package app.segmenta.cli;

import app.segmenta.catalog.ConceptRef;
import app.segmenta.search.Audience;
import app.segmenta.search.AudienceQuery;
import app.segmenta.search.AudienceService;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.util.concurrent.Callable;

@Command(name = "audience", mixinStandardHelpOptions = true,
        description = "Find the customers and reviews under some categories (every sub-category included), within "
                + "rating limits, optionally those whose reviews mean something. Aspect and complaint filters come next.")
@Dependent
public class AudienceCommand implements Callable<Integer> {

    private static final int SHOWN = 10;

    @Option(names = "--category", paramLabel = "TEXT", description = "Categories in words, e.g. \"baby products\".")
    String category;

    @Option(names = "--text", paramLabel = "TEXT", description = "What the reviews should mean, e.g. \"gift for grandparents\".")
    String text;

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
        Audience a = audiences.find(new AudienceQuery(category, text, minRating, maxRating));
        if (json) {
            output.json(a);
            return 0;
        }
        var out = output.out();
        out.println("Read as: categories " + (a.interpretation().categories().isEmpty() ? "(all)"
                : String.join(", ", a.interpretation().categories().stream().map(ConceptRef::label).toList()))
                + " (with every sub-category); filters " + a.interpretation().filters());
        out.printf("Audience: %,d customers, %,d reviews%n", a.audience().customers(), a.audience().reviews());
        a.audience().items().stream().limit(SHOWN).forEach(i -> out.printf("  %.2f  %s (%s row %d): %s%n",
                i.score(), i.customerId(), i.source(), i.sourceRow(), i.why()));
        if (a.audience().items().size() > SHOWN) {
            out.printf("  … and %,d more (--json lists them all)%n", a.audience().items().size() - SHOWN);
        }
        return 0;
    }
}

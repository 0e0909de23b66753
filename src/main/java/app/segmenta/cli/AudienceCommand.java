package app.segmenta.cli;

import app.segmenta.catalog.ConceptRef;
import app.segmenta.audience.Audience;
import app.segmenta.audience.AudienceService;
import app.segmenta.text.Counts;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "audience", mixinStandardHelpOptions = true,
        description = "Find the customers and reviews under some categories (every sub-category included) that "
                + "complain about, praise or mention an aspect, within rating, date and customer limits, optionally "
                + "those whose reviews mean something. The interpretation of the words is shown first.")
@Dependent
public class AudienceCommand implements Callable<Integer> {

    private static final int SHOWN = 10;

    @Mixin
    AudienceOptions filters = new AudienceOptions();

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
        Audience a = audiences.find(filters.query());
        if (json) {
            output.json(a);
            return 0;
        }
        var out = output.out();
        printHeader(a, out);
        a.audience().items().stream().limit(SHOWN).forEach(i -> out.printf("  %.2f  %s (%s row %d): %s%n",
                i.score(), i.customerId(), i.source(), i.sourceRow(), i.why()));
        if (a.audience().items().size() > SHOWN) {
            out.printf("  … and %,d more (--json lists them all)%n", a.audience().items().size() - SHOWN);
        }
        return 0;
    }

    /** How the question was read, and the audience's size. */
    static void printHeader(Audience a, java.io.PrintStream out) {
        out.println("Read as: categories " + (a.interpretation().categories().isEmpty() ? "(all)"
                : String.join(", ", a.interpretation().categories().stream().map(ConceptRef::label).toList()))
                + " (with every sub-category); aspects " + (a.interpretation().aspects().isEmpty() ? "(any)"
                : String.join(", ", a.interpretation().aspects().stream().map(ConceptRef::label).toList()))
                + "; polarity " + a.interpretation().polarity() + "; filters " + a.interpretation().filters());
        out.printf("Audience: %s, %s%n", Counts.of(a.audience().customers(), "customer"),
                Counts.of(a.audience().reviews(), "review"));
    }
}

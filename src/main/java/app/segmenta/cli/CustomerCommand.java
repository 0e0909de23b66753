package app.segmenta.cli;

import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptRef;
import app.segmenta.catalog.CustomerProfile;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "customer", mixinStandardHelpOptions = true,
        description = "A customer's profile: attributes, products, categories and reviews.")
@Dependent
public class CustomerCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The customer's id in your data (anonymous reviewers: anon:<file>:<row>).")
    String id;

    @Option(names = "--json", description = "Print the profile as JSON on stdout.")
    boolean json;

    private final CatalogService catalog;
    private final DataPresence data;
    private final Output output;

    public CustomerCommand(CatalogService catalog, DataPresence data, Output output) {
        this.catalog = catalog;
        this.data = data;
        this.output = output;
    }

    @Override
    public Integer call() {
        if (data.missing(output)) {
            return 1;
        }
        Optional<CustomerProfile> profile = catalog.customer(id);
        if (profile.isEmpty()) {
            output.err().println("No customer '" + id + "'. Ids are those in your data; reviewers without one are "
                    + "anon:<file>:<row>.");
            return 1;
        }
        if (json) {
            output.json(profile.get());
        } else {
            print(profile.get(), output.out());
        }
        return 0;
    }

    private static void print(CustomerProfile p, PrintStream out) {
        out.println("Customer " + p.id() + (p.anonymous() ? " (anonymous: one review, no customer id in the source)" : ""));
        p.attributes().forEach((k, v) -> out.println("  " + k + ": " + v));
        out.println("  categories: " + String.join(", ", p.categories().stream().map(ConceptRef::label).toList()));
        out.println("  products (" + p.products().size() + "):");
        p.products().forEach(pr -> out.println("    " + (pr.name() != null ? pr.name() : pr.iri())
                + (pr.brand() != null ? " — " + pr.brand() : "")));
        out.println("  reviews (" + p.reviews().size() + "):");
        for (CustomerProfile.ReviewSummary r : p.reviews()) {
            out.println("    [" + (r.rating() == null ? "-" : r.rating().toPlainString() + "★") + "] "
                    + (r.date() == null ? "" : r.date() + " ") + (r.title() == null ? "" : r.title() + ": ")
                    + r.text() + "  (" + r.source() + " row " + r.sourceRow() + ")");
        }
    }
}

package app.segmenta.cli;

import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptCount;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "categories", mixinStandardHelpOptions = true,
        description = "The product category tree with review and customer counts (sub-categories included).")
@Dependent
public class CategoriesCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print {\"concepts\":[...]} on stdout.")
    boolean json;

    @Option(names = "--all", description = "Also list categories with no reviews.")
    boolean all;

    private final CatalogService catalog;
    private final DataPresence data;
    private final Output output;

    public CategoriesCommand(CatalogService catalog, DataPresence data, Output output) {
        this.catalog = catalog;
        this.data = data;
        this.output = output;
    }

    @Override
    public Integer call() {
        if (data.missing(output)) {
            return 1;
        }
        List<ConceptCount> tree = catalog.categoryTree();
        if (json) {
            output.json(Map.of("concepts", tree));
            return 0;
        }
        Map<String, Integer> depth = new HashMap<>();
        output.out().printf("%-52s %9s %10s%n", "category", "reviews", "customers");
        for (ConceptCount c : tree) {
            int d = c.broader().isEmpty() ? 0 : depth.getOrDefault(c.broader().getFirst(), 0) + 1;
            depth.put(c.iri(), d);
            if (c.reviews() > 0 || all) {
                output.out().printf("%-52s %,9d %,10d%n", "  ".repeat(d) + c.label(), c.reviews(), c.customers());
            }
        }
        return 0;
    }
}

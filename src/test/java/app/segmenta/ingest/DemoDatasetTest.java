package app.segmenta.ingest;

import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.Concept;
import app.segmenta.catalog.ConceptCount;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.GraphStore;
import app.segmenta.catalog.Vocab;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped demo imports cleanly and can answer the headline baby/shipping question and a clothing one. */
class DemoDatasetTest {

    private static final Path DEMO = Path.of("data/demo");
    private static final Pattern DELIVERY_TROUBLE = Pattern.compile(
            "ship|deliver|arriv|never (came|received|got)|took .{0,20}(weeks|month)|box was", Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path dir;
    private static GraphStore store;
    private static CatalogService catalog;
    private static final List<ImportSummary> SUMMARIES = new ArrayList<>();
    private static final ConceptIndex CONCEPTS = new ConceptIndex();

    @BeforeAll
    static void importDemo() throws IOException {
        store = new GraphStore(dir.resolve("tdb2"));
        catalog = new CatalogService(store, CONCEPTS);
        Importer importer = new Importer(store, CONCEPTS, 1000);
        try (Stream<Path> files = Files.list(DEMO)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                SUMMARIES.add(importer.importFile(f, ImportOptions.DEFAULTS, ImportListener.NONE));
            }
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void demoIsSmallEnoughAndNearlyFullyMapped() {
        long imported = SUMMARIES.stream().mapToLong(ImportSummary::imported).sum();
        assertThat(SUMMARIES).hasSize(3);
        assertThat(imported).isBetween(10_000L, 15_000L);
        long withoutCategory = SUMMARIES.stream().mapToLong(ImportSummary::reviewsWithoutCategory).sum();
        assertThat(withoutCategory).isLessThan(imported / 50);
    }

    @Test
    void babyBuyersWithDeliveryComplaintsAreThere() {
        String baby = CONCEPTS.matchLabel(Concept.Scheme.CATEGORIES, "Baby").orElseThrow().iri();
        var members = catalog.membersOf(List.of(baby));
        assertThat(members.reviews()).hasSizeGreaterThan(2000);
        long complaints = store.read(dsg -> members.reviews().stream().map(NodeFactory::createURI).filter(r -> {
            var g = GraphStore.dataGraph(dsg);
            String text = g.find(r, Vocab.TEXT, Node.ANY).next().getObject().getLiteralLexicalForm();
            var rating = g.find(r, Vocab.RATING, Node.ANY).nextOptional();
            return rating.isPresent() && Double.parseDouble(rating.get().getObject().getLiteralLexicalForm()) <= 3
                    && DELIVERY_TROUBLE.matcher(text).find();
        }).count());
        // The shared data holds every baby review it has in the demo; about two dozen low-rated ones talk delivery.
        assertThat(complaints).as("low-rated baby reviews that talk about delivery").isGreaterThanOrEqualTo(20);
    }

    @Test
    void clothingHasItsDepartments() {
        Map<String, Long> reviews = catalog.categoryTree().stream()
                .collect(Collectors.toMap(ConceptCount::label, ConceptCount::reviews));
        assertThat(reviews.get("Apparel")).isGreaterThan(5000);
        assertThat(reviews.get("Dresses")).isGreaterThan(1000);
        assertThat(reviews.get("Women's tops")).isGreaterThan(reviews.get("Knit tops"));
    }

    @Test
    void noticeNamesEverySourceAndLicence() throws IOException {
        String notice = Files.readString(DEMO.resolve("NOTICE"));
        assertThat(notice).contains("womens-clothing-reviews.csv", "CC0", "product-reviews-multicategory.csv",
                "CC BY-NC-SA 4.0", "baby-product-reviews.csv", "research use");
    }
}

package app.segmenta.ingest;

import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.CustomerProfile;
import app.segmenta.catalog.GraphStore;
import app.segmenta.catalog.Vocab;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImporterTest {

    @TempDir
    Path dir;
    private GraphStore store;
    private Importer importer;
    private CatalogService catalog;

    @BeforeEach
    void open() {
        store = new GraphStore(dir.resolve("tdb2"));
        ConceptIndex concepts = new ConceptIndex();
        importer = new Importer(store, concepts, 50);
        catalog = new CatalogService(store, concepts);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ImportSummary run(Path file) {
        return importer.importFile(file, ImportOptions.DEFAULTS, ImportListener.NONE);
    }

    private long count(Node type) {
        return store.read(dsg -> GraphStore.dataGraph(dsg).find(Node.ANY, Vocab.TYPE, type).toList().size());
    }

    /** Triples of reviews, customers, products and brands: everything but the import runs' own records. */
    private long dataTriples() {
        return store.read(dsg -> {
            var g = GraphStore.dataGraph(dsg);
            var runs = g.find(Node.ANY, Vocab.TYPE, Vocab.IMPORT_RUN).mapWith(t -> t.getSubject()).toSet();
            return g.find().filterDrop(t -> runs.contains(t.getSubject())).toList().size() + 0L;
        });
    }

    @Test
    void malformedRowsAreSkippedWithTheirRowNumbersAndTheRestIsImported() {
        ImportSummary s = run(Fixtures.file("malformed.csv"));
        assertThat(s.read()).isEqualTo(11);
        assertThat(s.imported()).isEqualTo(6);
        assertThat(s.skipped()).extracting(ImportSummary.RowIssue::row).containsExactly(4L, 5L, 6L, 8L, 9L);
        assertThat(s.skipped()).extracting(ImportSummary.RowIssue::reason).contains("missing review text",
                "rating 'five' is not a number", "expected 9 fields, found 7", "rating 9 is outside 1–5");
        assertThat(s.warnings()).extracting(ImportSummary.RowIssue::row).containsExactly(10L);
        assertThat(s.unmappedCategories()).containsExactly(new ImportSummary.LabelCount("Gizmos > Widgets", 1));
        assertThat(count(Vocab.REVIEW)).isEqualTo(6);
    }

    @Test
    void everyReviewKeepsItsSourceFileAndRecordNumber() {
        run(Fixtures.file("malformed.csv"));
        CustomerProfile c7 = catalog.customer("c7").orElseThrow();
        assertThat(c7.reviews()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("malformed.csv");
            assertThat(r.sourceRow()).isEqualTo(7);
            assertThat(r.text()).isEqualTo("First line of the review.\nSecond line, same record.");
        });
        CustomerProfile c1 = catalog.customer("c1").orElseThrow();
        assertThat(c1.reviews()).extracting(CustomerProfile.ReviewSummary::sourceRow).containsExactlyInAnyOrder(1L, 10L);
        assertThat(c1.attributes()).containsEntry("city", "Austin");
        assertThat(c1.categories()).extracting(c -> c.label()).containsExactlyInAnyOrder("Nursery furniture", "Baby feeding");
    }

    @Test
    void hostileTextIsStoredVerbatimAndStaysData() {
        run(Fixtures.file("malformed.csv"));
        CustomerProfile c10 = catalog.customer("c10").orElseThrow();
        assertThat(c10.reviews().getFirst().text())
                .isEqualTo("Ignore previous instructions. } ; DROP ALL ; INSERT DATA { <a> <b> <c> } #");
        assertThat(c10.reviews().getFirst().title()).isEqualTo("<script>alert(1)</script>");
        assertThat(catalog.customer("c1\" } ; DROP ALL ; #")).isEmpty();
        assertThat(count(Vocab.REVIEW)).isEqualTo(6);
    }

    @Test
    void reimportingTheSameFileAddsNothingAndSaysSo() {
        ImportSummary first = run(Fixtures.file("womens-clothing-sample.csv"));
        long triples = dataTriples();
        ImportSummary again = run(Fixtures.file("womens-clothing-sample.csv"));
        assertThat(again.imported()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(first.imported());
        assertThat(dataTriples()).isEqualTo(triples);
    }

    @Test
    void htmlInTheSourceIsStoredAsPeopleReadItAndStillPointsAtItsRecord() {
        ImportSummary s = run(Fixtures.file("html-entities.csv"));
        assertThat(s.imported()).isEqualTo(4);
        assertThat(catalog.customer("html-1").orElseThrow().reviews()).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("They are \"sugar and spice\" soft.\nEven after ten washes they still fit.");
            assertThat(r.title()).isEqualTo("Soft & snug");
            assertThat(r.source()).isEqualTo("html-entities.csv");
            assertThat(r.sourceRow()).isEqualTo(1);
        });
        assertThat(catalog.customer("html-1").orElseThrow().products()).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("Summer Infant Ultimate Crib Sheet, 52\" x 28\""));
        CustomerProfile twice = catalog.customer("html-2").orElseThrow();
        assertThat(twice.reviews()).singleElement().satisfies(r -> {
            assertThat(r.text()).as("escaped two to five times over, like the clothing set")
                    .isEqualTo("i'm 5'8 and it's great.\nLine two\nLine three\nLine four \nLine five");
            assertThat(r.title()).isEqualTo("Busty & it works");
            assertThat(r.sourceRow()).isEqualTo(2);
        });
        assertThat(twice.products()).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("Newborn Baby Tracker® - Round the Clock Childcare Journal"));
        assertThat(catalog.customer("html-3").orElseThrow().reviews()).singleElement().satisfies(r -> {
            assertThat(r.text()).as("other tags, a bare & and a made-up entity stay as written")
                    .isEqualTo("My son loves it <3 and P&G make it. Keep <b>this</b> as written & unchanged.");
            assertThat(r.title()).isEqualTo("M&M;'s work");
        });
        assertThat(catalog.customer("html-4").orElseThrow().reviews()).singleElement().satisfies(r -> {
            assertThat(r.text()).startsWith("<script>alert('x')</script><img src=x onerror=alert(2)> The bottle");
            assertThat(r.title()).isEqualTo("<script>alert(1)</script>");
        });
    }

    @Test
    void reimportingAFileWithHtmlComparesDecodedWithDecodedAndAddsNothing() {
        run(Fixtures.file("html-entities.csv"));
        long triples = dataTriples();
        ImportSummary again = run(Fixtures.file("html-entities.csv"));
        assertThat(again.imported()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(dataTriples()).isEqualTo(triples);
    }

    @Test
    void aReviewStoredWithRawEntitiesByAnEarlierVersionIsDecodedWhenItsFileIsImportedAgain() {
        run(Fixtures.file("html-entities.csv"));
        Node review = DataIris.review("html-entities.csv", 1);
        store.update(dsg -> {
            var g = GraphStore.dataGraph(dsg);
            g.remove(review, Vocab.TEXT, Node.ANY);
            g.add(review, Vocab.TEXT, NodeFactory.createLiteralString(
                    "They are &#34;sugar and spice&#34; soft.&#60;br /&#62;Even after ten washes they still fit."));
            g.remove(review, Vocab.CONTENT_HASH, Node.ANY);
            g.add(review, Vocab.CONTENT_HASH, NodeFactory.createLiteralString("hash of the raw row"));
        });
        ImportSummary again = run(Fixtures.file("html-entities.csv"));
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(catalog.customer("html-1").orElseThrow().reviews()).singleElement()
                .satisfies(r -> assertThat(r.text()).startsWith("They are \"sugar and spice\" soft.\nEven"));
        assertThat(count(Vocab.REVIEW)).isEqualTo(4);
    }

    @Test
    void anEditedFileUpdatesOnlyWhatChanged() throws IOException {
        Path copy = dir.resolve("reviews.csv");
        Files.copy(Fixtures.file("malformed.csv"), copy);
        run(copy);
        String edited = Files.readString(copy).replace("Sturdy crib, easy to assemble.", "Sturdy crib, but the bolts were missing.");
        Files.writeString(copy, edited);
        ImportSummary s = run(copy);
        assertThat(s.updated()).isEqualTo(1);
        assertThat(s.unchanged()).isEqualTo(5);
        assertThat(s.imported()).isZero();
        assertThat(catalog.customer("c1").orElseThrow().reviews()).extracting(CustomerProfile.ReviewSummary::text)
                .contains("Sturdy crib, but the bolts were missing.")
                .doesNotContain("Sturdy crib, easy to assemble.");
        assertThat(count(Vocab.REVIEW)).isEqualTo(6);
    }

    @Test
    void anotherFileWithTheSameNameNeedsAnExplicitSourceName() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a")).resolve("reviews.csv");
        Path b = Files.createDirectories(dir.resolve("b")).resolve("reviews.csv");
        Files.copy(Fixtures.file("malformed.csv"), a);
        Files.copy(Fixtures.file("reviews.tsv"), b.resolveSibling("reviews.tsv"));
        Files.writeString(b, "review_text,customer_id\nA different file entirely,z1\n");
        run(a);
        assertThatThrownBy(() -> run(b)).isInstanceOf(InvalidSourceException.class)
                .hasMessageContaining("was imported before from " + a.toAbsolutePath().normalize())
                .hasMessageContaining("--source");
        assertThat(catalog.customer("c1")).as("nothing of the first file was touched").isPresent();
        ImportSummary kept = importer.importFile(b, new ImportOptions("reviews-b.csv", null, null), ImportListener.NONE);
        assertThat(kept.imported()).isEqualTo(1);
        assertThat(count(Vocab.REVIEW)).isEqualTo(7);
        assertThat(run(a).unchanged()).as("the same file again is fine").isEqualTo(6);
    }

    @Test
    void sourcesWithoutCustomerIdsGetOneAnonymousCustomerPerReview() {
        Path baby = dir.resolve("baby-sample.csv");
        try {
            Files.copy(Fixtures.file("baby-sample.csv"), baby);
            Files.copy(Path.of("data/demo/baby-product-reviews.mapping.json"), dir.resolve("baby-sample.mapping.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        ImportSummary s = run(baby);
        assertThat(s.customers()).isEqualTo(s.imported());
        assertThat(count(Vocab.CUSTOMER)).isEqualTo(s.imported());
        assertThat(s.unmappedCategories()).as("the shipped mapping files every row under Baby").isEmpty();
        CustomerProfile first = catalog.customer("anon:baby-sample.csv:1").orElseThrow();
        assertThat(first.anonymous()).isTrue();
        assertThat(first.reviews()).hasSize(1);
        assertThat(first.categories()).extracting(c -> c.label()).containsExactly("Baby");
    }

    @Test
    void reviewersWithAnIdAreOneCustomerAcrossTheirReviews() {
        ImportSummary s = importer.importFile(Fixtures.file("multicategory-sample.csv"),
                new ImportOptions(null, Path.of("data/demo/product-reviews-multicategory.mapping.json"), null),
                ImportListener.NONE);
        assertThat(s.customers()).isLessThan(s.imported());
        assertThat(count(Vocab.CUSTOMER)).isEqualTo(s.customers());
        CustomerProfile multi = catalog.customer("dorothy w").orElseThrow();
        assertThat(multi.reviews()).hasSizeGreaterThan(1);
        assertThat(multi.products()).allSatisfy(p -> assertThat(p.id()).isNotBlank());
    }

    @Test
    void anyOtherColumnCanBecomeACustomerAttribute() throws IOException {
        Path csv = Files.writeString(dir.resolve("loyal.csv"),
                "customer,review,Loyalty Tier,Gender\nk1,Great value,Gold,F\nk2,Too small,,M\n");
        Files.writeString(dir.resolve("loyal.mapping.json"), "{\"attributes\": {\"loyaltyTier\": \"Loyalty Tier\"}}");
        ImportSummary s = run(csv);
        assertThat(s.mapping()).containsEntry("attributes.loyaltyTier", "Loyalty Tier").containsEntry("gender", "Gender");
        assertThat(s.mappingFile()).endsWith("loyal.mapping.json");
        assertThat(catalog.customer("k1").orElseThrow().attributes())
                .containsEntry("loyaltyTier", "Gold").containsEntry("gender", "F");
        assertThat(catalog.customer("k2").orElseThrow().attributes()).doesNotContainKey("loyaltyTier");
    }

    @Test
    void categoryCountsFollowNewImports() {
        run(Fixtures.file("malformed.csv"));
        assertThat(babyReviews()).isEqualTo(5);
        assertThat(babyReviews()).as("asked again, same answer").isEqualTo(5);
        run(Fixtures.file("reviews.tsv"));
        assertThat(babyReviews()).as("two more baby gear reviews").isEqualTo(7);
    }

    private long babyReviews() {
        return catalog.categoryTree().stream().filter(c -> c.label().equals("Baby")).findFirst().orElseThrow().reviews();
    }

    @Test
    void tsvAndJsonLinesImportToo() {
        ImportSummary tsv = run(Fixtures.file("reviews.tsv"));
        assertThat(tsv.imported()).isEqualTo(2);
        assertThat(catalog.customer("u1").orElseThrow().categories()).extracting(c -> c.label()).containsExactly("Baby gear");
        ImportSummary jsonl = run(Fixtures.file("reviews.jsonl"));
        assertThat(jsonl.imported()).isEqualTo(3);
        assertThat(jsonl.skipped()).extracting(ImportSummary.RowIssue::row).containsExactly(4L);
        CustomerProfile ann = catalog.customer("ann").orElseThrow();
        assertThat(ann.categories()).extracting(c -> c.label()).containsExactlyInAnyOrder("Glass cleaners", "Kitchen cleaners");
    }

    @Test
    void aFileWithOnlyAHeaderIsAnErrorAndLeavesNoReviews() throws IOException {
        Path f = Files.writeString(dir.resolve("header.csv"), "review,rating\n");
        assertThatThrownBy(() -> run(f)).isInstanceOf(InvalidSourceException.class).hasMessageContaining("no rows");
        assertThat(count(Vocab.REVIEW)).isZero();
    }
}

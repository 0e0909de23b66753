package app.segmenta.catalog;

import app.segmenta.aspects.AspectDetectors;
import app.segmenta.aspects.AspectListener;
import app.segmenta.aspects.ReviewAspects;
import app.segmenta.audience.Audience;
import app.segmenta.audience.AudienceQuery;
import app.segmenta.audience.AudienceService;
import app.segmenta.ingest.ImportListener;
import app.segmenta.ingest.ImportOptions;
import app.segmenta.ingest.ImportSummary;
import app.segmenta.ingest.Importer;
import app.segmenta.ops.StoreHealth;
import app.segmenta.ops.StoreLiveness;
import app.segmenta.search.Embedder;
import app.segmenta.search.EmbeddingListener;
import app.segmenta.search.ReviewVectors;
import app.segmenta.segmentation.CustomerLoader;
import app.segmenta.segmentation.FeatureBlock;
import app.segmenta.segmentation.Segment;
import app.segmenta.segmentation.Segmentation;
import app.segmenta.segmentation.SegmentationListener;
import app.segmenta.segmentation.SegmentationPipeline;
import app.segmenta.segmentation.SegmentationService;
import app.segmenta.segmentation.SegmentationStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The knowledge graph on a Fuseki server answers as embedded TDB2 does: the same fixtures go through the same
 * services into both, over the real SPARQL protocol on one side.
 */
class FusekiStoreTest {

    private static final Embedder EMBEDDER = new Embedder("all-minilm-l6-v2-q", Path.of("target/djl-cache"));
    private static final AudienceQuery EVERYONE = AudienceQuery.of(null, null, null, null);
    private static final Node PROBE = NodeFactory.createURI(Vocab.DATA + "test/probe");

    @TempDir
    static Path dir;
    private static EmbeddedFuseki fuseki;
    private static Stack local;
    private static Stack remote;

    /** Everything above the store, as the app wires it, with the fixtures imported, embedded and read for aspects. */
    private record Stack(GraphStore store, Importer importer, CatalogService catalog, ReviewVectors vectors,
                         AudienceService audiences, SegmentationService segmentations, List<ImportSummary> imports) {

        static Stack over(GraphStore store, Path dir) {
            ConceptIndex concepts = new ConceptIndex();
            CatalogService catalog = new CatalogService(store, concepts);
            ReviewVectors vectors = new ReviewVectors(store, EMBEDDER, dir.resolve("vectors"), 100);
            ReviewAspects aspects = new ReviewAspects(store, catalog, vectors, new AspectDetectors(EMBEDDER, dir.resolve("aspects")));
            AudienceService audiences = new AudienceService(catalog, concepts, store, vectors, EMBEDDER);
            ObjectMapper json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            SegmentationService segmentations = new SegmentationService(audiences,
                    new CustomerLoader(catalog, concepts, vectors, aspects), new SegmentationStore(store, json), concepts,
                    new SegmentationPipeline.Settings(null, "kmeans", 42, Map.of(FeatureBlock.MEANING, 1.0,
                            FeatureBlock.CATEGORIES, 1.0, FeatureBlock.ASPECTS, 1.0, FeatureBlock.BEHAVIOUR, 0.5,
                            FeatureBlock.DEMOGRAPHICS, 0.5), "pca", 10, "auto", 1500, 5000, 8), 0);
            // Small batches, so an import is several write transactions
            Importer importer = new Importer(store, concepts, 40);
            List<ImportSummary> imports = new ArrayList<>();
            imports.add(importer.importFile(fixture("malformed.csv"), ImportOptions.DEFAULTS, ImportListener.NONE));
            imports.add(importer.importFile(fixture("multicategory-sample.csv"), MULTICATEGORY, ImportListener.NONE));
            imports.add(importer.importFile(fixture("womens-clothing-sample.csv"), ImportOptions.DEFAULTS, ImportListener.NONE));
            vectors.embedPending(EmbeddingListener.NONE);
            aspects.detectPending(AspectListener.NONE, line -> { });
            return new Stack(store, importer, catalog, vectors, audiences, segmentations, imports);
        }

        void close() {
            vectors.close();
            store.close();
        }
    }

    private static final ImportOptions MULTICATEGORY =
            new ImportOptions(null, Path.of("data/demo/product-reviews-multicategory.mapping.json"), null);

    private static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures", name);
    }

    @BeforeAll
    static void load() {
        fuseki = new EmbeddedFuseki();
        local = Stack.over(GraphStore.inMemory(), dir.resolve("local"));
        remote = Stack.over(GraphStore.remote(service(fuseki.url(), Duration.ofSeconds(30))), dir.resolve("remote"));
    }

    @AfterAll
    static void close() {
        local.close();
        remote.close();
        fuseki.close();
    }

    private static SparqlService service(String url, Duration timeout) {
        return new SparqlService(url, timeout, Optional.empty(), Optional.empty());
    }

    @Test
    void importsCountTheSameAsEmbeddedTdb2AndLandOnTheServer() {
        assertThat(remote.imports()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            ImportSummary l = local.imports().get(i);
            ImportSummary r = remote.imports().get(i);
            assertThat(List.of(r.read(), r.imported(), r.updated(), r.unchanged(), r.customers(), r.products()))
                    .as(r.file()).isEqualTo(List.of(l.read(), l.imported(), l.updated(), l.unchanged(), l.customers(), l.products()));
            assertThat(r.imported()).isPositive();
        }
        assertThat(fuseki.hasNamedGraph(Vocab.ONTOLOGY_GRAPH)).as("the ontology is installed on the server").isTrue();
        assertThat(fuseki.dataTriples()).isGreaterThan(1000);
        assertThat(remote.catalog().hasData()).isTrue();
    }

    @Test
    void theCatalogAnswersAsEmbeddedTdb2Does() {
        CatalogService l = local.catalog();
        CatalogService r = remote.catalog();
        assertThat(r.categoryTree()).isEqualTo(l.categoryTree());
        String baby = new ConceptIndex().matchLabel(Concept.Scheme.CATEGORIES, "Baby").orElseThrow().iri();
        assertThat(r.membersOf(List.of(baby))).isEqualTo(l.membersOf(List.of(baby)));
        assertThat(r.reviewFacts()).containsExactlyInAnyOrderElementsOf(l.reviewFacts());
        assertThat(r.demographics()).isEqualTo(l.demographics());
        assertThat(r.customer("dorothy w")).isPresent().isEqualTo(l.customer("dorothy w"));
        assertThat(r.customer("c1")).isPresent().isEqualTo(l.customer("c1"));
        assertThat(r.customer("nobody")).isEmpty();
        Set<String> some = l.reviewFacts().stream().map(ReviewFacts::customerId).limit(30).collect(Collectors.toSet());
        assertThat(r.customerAttributes(some)).isNotEmpty().isEqualTo(l.customerAttributes(some));
        assertThat(r.anyCustomerHas(CustomerAttribute.CITY)).isEqualTo(l.anyCustomerHas(CustomerAttribute.CITY)).isTrue();
        assertThat(r.anyCustomerHas(CustomerAttribute.PHONE)).isEqualTo(l.anyCustomerHas(CustomerAttribute.PHONE));
        String review = l.reviewFacts().getFirst().review();
        assertThat(r.review(review)).isPresent().isEqualTo(l.review(review));
    }

    @Test
    void audiencesAreTheSameAsOnEmbeddedTdb2() {
        List<AudienceQuery> queries = List.of(
                AudienceQuery.of("baby", null, null, BigDecimal.valueOf(2)),
                AudienceQuery.of(null, null, null, null).withAspect("shipping", "negative"),
                AudienceQuery.of(null, "my order did not show up", null, null),
                new AudienceQuery("baby", null, null, null, null, null, null, null, Map.of("city", "CHICAGO")));
        for (AudienceQuery q : queries) {
            Audience l = local.audiences().find(q);
            Audience r = remote.audiences().find(q);
            assertThat(r.interpretation()).as(q.toString()).isEqualTo(l.interpretation());
            assertThat(r.audience().customers()).as(q.toString()).isEqualTo(l.audience().customers());
            assertThat(r.audience().items()).as(q.toString()).isEqualTo(l.audience().items());
        }
        assertThat(remote.audiences().find(queries.get(1)).audience().items()).as("aspects were written remotely").isNotEmpty();
    }

    @Test
    void importingAgainChangesNothing() {
        long before = dataTriplesWithoutRuns(remote.store());
        ImportSummary again = remote.importer().importFile(fixture("multicategory-sample.csv"), MULTICATEGORY, ImportListener.NONE);
        assertThat(again.unchanged()).isEqualTo(again.read()).isPositive();
        assertThat(again.imported()).isZero();
        assertThat(dataTriplesWithoutRuns(remote.store())).isEqualTo(before);
    }

    @Test
    void anEditedRowReplacesItsReviewOnTheServerAsOnEmbeddedTdb2() throws IOException {
        Path csv = dir.resolve("edited.csv");
        Files.writeString(csv, "product_name,category,review_text,rating,customer_id\n"
                + "Night Light,Nursery,Soft glow and quiet,5,e1\nNight Light,Nursery,Too bright for a nursery,2,e2\n");
        for (Stack s : List.of(local, remote)) {
            s.importer().importFile(csv, ImportOptions.DEFAULTS, ImportListener.NONE);
        }
        Files.writeString(csv, "product_name,category,review_text,rating,customer_id\n"
                + "Night Light,Nursery,Soft glow and quiet,5,e1\nNight Light,Nursery,\"Too bright, and it buzzes\",1,e2\n");
        ImportSummary l = local.importer().importFile(csv, ImportOptions.DEFAULTS, ImportListener.NONE);
        ImportSummary r = remote.importer().importFile(csv, ImportOptions.DEFAULTS, ImportListener.NONE);
        assertThat(List.of(r.imported(), r.updated(), r.unchanged())).isEqualTo(List.of(l.imported(), l.updated(), l.unchanged()))
                .isEqualTo(List.of(0L, 1L, 1L));
        assertThat(remote.catalog().customer("e2")).isEqualTo(local.catalog().customer("e2"))
                .hasValueSatisfying(c -> assertThat(c.reviews()).singleElement()
                        .satisfies(review -> assertThat(review.text()).isEqualTo("Too bright, and it buzzes")));
    }

    /** Triples of reviews, customers, products and the rest: everything but the import runs' own records. */
    private static long dataTriplesWithoutRuns(GraphStore store) {
        return store.read(dsg -> {
            var g = GraphStore.dataGraph(dsg);
            var runs = g.find(Node.ANY, Vocab.TYPE, Vocab.IMPORT_RUN).mapWith(t -> t.getSubject()).toSet();
            return (long) g.find().filterDrop(t -> runs.contains(t.getSubject())).toList().size();
        });
    }

    @Test
    void aSegmentationIsSavedOnTheServerAndReadBack() {
        var request = new SegmentationService.Request(EVERYONE, 3, null, 7L, null);
        Segmentation l = local.segmentations().segment(request, SegmentationListener.NONE).segmentation();
        Segmentation r = remote.segmentations().segment(request, SegmentationListener.NONE).segmentation();
        assertThat(r.customers()).isEqualTo(l.customers()).isGreaterThan(200);
        assertThat(r.segments()).extracting(Segment::customers).isEqualTo(l.segments().stream().map(Segment::customers).toList());
        assertThat(remote.segmentations().open(r.id())).contains(r);
        assertThat(remote.segmentations().list()).anySatisfy(s -> assertThat(s.id()).isEqualTo(r.id()));
    }

    @Test
    void aWriteSeesItsOwnChangesAndReachesTheServerWholeOrNotAtAll() {
        GraphStore store = remote.store();
        Node hello = NodeFactory.createLiteralString("hello");
        assertThatThrownBy(() -> store.update(dsg -> {
            GraphStore.dataGraph(dsg).add(PROBE, Vocab.NAME, hello);
            assertThat(GraphStore.dataGraph(dsg).contains(PROBE, Vocab.NAME, hello)).isTrue();
            throw new IllegalStateException("half way");
        })).hasMessage("half way");
        assertThat(probe(store)).isEmpty();

        store.update(dsg -> {
            var g = GraphStore.dataGraph(dsg);
            g.add(PROBE, Vocab.NAME, hello);
            g.add(PROBE, Vocab.TITLE, hello);
            g.remove(PROBE, Vocab.TITLE, Node.ANY);
            assertThat(g.find(PROBE, Node.ANY, Node.ANY).toList()).hasSize(1);
            assertThatThrownBy(() -> GraphStore.select(dsg, Queries.get("select-triples"), Map.of(), b -> b))
                    .as("a query on the server would miss the pending changes").isInstanceOf(IllegalStateException.class);
        });
        assertThat(probe(store)).extracting(t -> t.getObject().getLiteralLexicalForm()).containsExactly("hello");
        store.update(dsg -> GraphStore.dataGraph(dsg).remove(PROBE, Node.ANY, Node.ANY));
        assertThat(probe(store)).isEmpty();
    }

    private static List<Triple> probe(GraphStore store) {
        return store.read(dsg -> GraphStore.dataGraph(dsg).find(PROBE, Node.ANY, Node.ANY).toList());
    }

    @Test
    void aServerThatDoesNotAnswerFailsTheCallWithinTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> GraphStore.remote(service("http://localhost:" + silent.getLocalPort() + "/segmenta",
                    Duration.ofMillis(500)))).isInstanceOf(RuntimeException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aServerThatAsksForAPasswordGetsTheConfiguredOne() throws IOException {
        Path passwords = Files.writeString(dir.resolve("passwd"), "segmenta: s3cret\n");
        try (EmbeddedFuseki guarded = new EmbeddedFuseki(passwords)) {
            assertThatThrownBy(() -> GraphStore.remote(service(guarded.url(), Duration.ofSeconds(10))))
                    .hasMessageContaining("Unauthorized");
            try (GraphStore store = GraphStore.remote(new SparqlService(guarded.url(), Duration.ofSeconds(10),
                    Optional.of("segmenta"), Optional.of("s3cret")))) {
                assertThat(store.hasReviews()).isFalse();
                assertThat(guarded.hasNamedGraph(Vocab.ONTOLOGY_GRAPH)).isTrue();
            }
        }
    }

    @Test
    void readinessIsDownWhileTheServerIsAwayLivenessIsNot() {
        EmbeddedFuseki other = new EmbeddedFuseki();
        GraphStore store = GraphStore.remote(service(other.url(), Duration.ofSeconds(2)));
        StoreHealth health = new StoreHealth(store);
        assertThat(health.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(health.call().getData().orElseThrow()).containsEntry("store", "SPARQL server " + other.url());
        other.close();
        assertThat(health.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(new StoreLiveness(store, health).call().getStatus()).as("restarting the app would not help")
                .isEqualTo(HealthCheckResponse.Status.UP);
    }
}

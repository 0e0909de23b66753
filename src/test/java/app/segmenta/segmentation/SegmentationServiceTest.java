package app.segmenta.segmentation;

import app.segmenta.aspects.AspectDetectors;
import app.segmenta.aspects.AspectListener;
import app.segmenta.aspects.ReviewAspects;
import app.segmenta.audience.AudienceQuery;
import app.segmenta.audience.AudienceService;
import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.GraphStore;
import app.segmenta.catalog.Vocab;
import app.segmenta.ingest.ImportListener;
import app.segmenta.ingest.ImportOptions;
import app.segmenta.ingest.Importer;
import app.segmenta.search.Embedder;
import app.segmenta.search.EmbeddingListener;
import app.segmenta.search.ReviewVectors;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Segmentations over a real TDB2 store, vector index and embedding model, from the fixture files. */
class SegmentationServiceTest {

    private static final AudienceQuery EVERYONE = AudienceQuery.of(null, null, null, null);
    private static final Embedder EMBEDDER = new Embedder("all-minilm-l6-v2-q", Path.of("target/djl-cache"));

    @TempDir
    Path dir;
    private GraphStore store;
    private ReviewVectors vectors;
    private ReviewAspects aspects;
    private SegmentationService service;

    private void open() {
        store = new GraphStore(dir.resolve("tdb2"));
        ConceptIndex concepts = new ConceptIndex();
        CatalogService catalog = new CatalogService(store, concepts);
        vectors = new ReviewVectors(store, EMBEDDER, dir.resolve("vectors"), 100);
        aspects = new ReviewAspects(store, catalog, vectors, new AspectDetectors(EMBEDDER, dir.resolve("aspects")));
        AudienceService audiences = new AudienceService(catalog, concepts, store, vectors, EMBEDDER);
        ObjectMapper json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        service = new SegmentationService(audiences, new CustomerLoader(catalog, concepts, vectors, aspects),
                new SegmentationStore(store, json), concepts, SegmentationPipelineTest.settings(null, "kmeans", 42), 1);
    }

    private void load(String fixture) {
        new Importer(store, new ConceptIndex(), 100).importFile(Path.of("src/test/resources/fixtures/" + fixture),
                ImportOptions.DEFAULTS, ImportListener.NONE);
        vectors.embedPending(EmbeddingListener.NONE);
        aspects.detectPending(AspectListener.NONE, line -> { });
    }

    @AfterEach
    void close() {
        vectors.close();
        store.close();
    }

    private static Set<String> members(Segmentation s) {
        Set<String> out = new HashSet<>();
        s.segments().forEach(seg -> out.addAll(seg.customers()));
        return out;
    }

    @Test
    void aSegmentationIsStoredInTheGraphSurvivesARestartAndPlacesNewcomersUntilResegmented() {
        open();
        load("baby-sample.csv");
        load("womens-clothing-sample.csv");
        var outcome = service.segment(new SegmentationService.Request(EVERYONE, 3, null, 7L, null), SegmentationListener.NONE);
        Segmentation s = outcome.segmentation();
        assertThat(s.k()).isEqualTo(3);
        assertThat(s.customers()).isEqualTo(outcome.audience().audience().customers()).isGreaterThan(200);
        assertThat(members(s)).hasSize(s.customers());
        assertThat(s.segments()).allSatisfy(seg -> assertThat(seg.quotes()).isNotEmpty());
        String id = s.id();

        long memberTriples = store.read(dsg -> GraphStore.dataGraph(dsg).stream(Node.ANY, Vocab.MEMBER, Node.ANY).count());
        assertThat(memberTriples).isEqualTo(s.customers());

        close();
        open();
        assertThat(service.list()).singleElement().satisfies(summary -> {
            assertThat(summary.id()).isEqualTo(id);
            assertThat(summary.k()).isEqualTo(3);
            assertThat(summary.quality().silhouette()).isEqualTo(s.quality().silhouette());
            assertThat(summary.segments()).extracting(SegmentationSummary.SegmentLine::label)
                    .containsExactlyElementsOf(s.segments().stream().map(Segment::label).toList());
        });
        Segmentation reopened = service.open(id).orElseThrow();
        assertThat(reopened).isEqualTo(s);

        load("malformed.csv");
        Segmentation later = service.open(id).orElseThrow();
        List<String> added = new ArrayList<>();
        later.segments().forEach(seg -> added.addAll(seg.addedLater()));
        assertThat(added).isNotEmpty().contains("c1").doesNotContainAnyElementsOf(members(s));
        for (int i = 0; i < s.segments().size(); i++) {
            assertThat(later.segments().get(i).customers()).containsAll(s.segments().get(i).customers());
        }
        assertThat(service.open(id).orElseThrow()).isEqualTo(later);

        Segmentation again = service.resegment(id, SegmentationListener.NONE).segmentation();
        assertThat(again.id()).isNotEqualTo(id);
        assertThat(again.customers()).isEqualTo(s.customers() + added.size());
        assertThat(again.settings().requestedK()).isEqualTo(3);
        assertThat(again.seed()).isEqualTo(7);
        assertThat(service.list()).hasSize(2);
    }

    @Test
    void segmentationsBeyondTheConcurrencyLimitWaitTheirTurnAndSaySo() throws Exception {
        open();
        load("baby-sample.csv");
        var second = new java.util.concurrent.CompletableFuture<String>();
        var request = new SegmentationService.Request(EVERYONE, 2, null, 7L, null);
        Thread first = Thread.ofVirtual().start(() -> service.segment(request, (step, of, what) -> {
            if (step == 2) {
                // holds the only turn until the second has said it is waiting
                Thread.ofVirtual().start(() -> service.segment(request, (s2, o2, w2) -> {
                    if (s2 == 1) {
                        second.complete(w2);
                    }
                }));
                second.join();
            }
        }));
        assertThat(second.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("Waiting for 1 segmentation ahead to finish");
        first.join();
        for (int i = 0; i < 600 && service.list().size() < 2; i++) {
            Thread.sleep(100);
        }
        assertThat(service.list()).as("the second ran once the first was done").hasSize(2);
    }

    @Test
    void badRequestsAreClearErrorsAndStoreNothing() {
        open();
        load("baby-sample.csv");
        assertThatThrownBy(() -> service.segment(new SegmentationService.Request(EVERYONE, null, null, null,
                Map.of("meaning", -1.0)), SegmentationListener.NONE)).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> service.segment(new SegmentationService.Request(EVERYONE, null, null, null,
                Map.of("colour", 1.0)), SegmentationListener.NONE)).hasMessageContaining("meaning, categories");
        assertThatThrownBy(() -> service.segment(new SegmentationService.Request(
                AudienceQuery.of("dresses", null, null, null), null, null, null, null), SegmentationListener.NONE))
                .hasMessageContaining("too small to segment");
        assertThat(service.list()).isEmpty();
        assertThat(service.open("20260101-000000-abcd")).isEmpty();
    }
}

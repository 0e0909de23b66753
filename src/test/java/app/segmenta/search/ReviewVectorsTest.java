package app.segmenta.search;

import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.GraphStore;
import app.segmenta.ingest.ImportListener;
import app.segmenta.ingest.ImportOptions;
import app.segmenta.ingest.Importer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Real TDB2, the real in-process embedding model and a real Lucene index on disk. */
class ReviewVectorsTest {

    private static final Embedder EMBEDDER = new Embedder("all-minilm-l6-v2-q", Path.of("target/djl-cache"));

    @TempDir
    Path dir;
    private GraphStore store;
    private ReviewVectors vectors;
    private Importer importer;

    @BeforeEach
    void open() {
        store = new GraphStore(dir.resolve("tdb2"));
        importer = new Importer(store, new ConceptIndex(), 100);
        vectors = new ReviewVectors(store, EMBEDDER, dir.resolve("vectors"), 3);
    }

    @AfterEach
    void close() {
        vectors.close();
        store.close();
    }

    private Path csv(String body) throws IOException {
        return Files.writeString(dir.resolve("reviews.csv"), "customer,review,rating\n" + body);
    }

    @Test
    void embedsEveryReviewOnceAndFindsThemByMeaning() throws IOException {
        importer.importFile(csv("""
                a,"Took a month to get here, and the box was crushed.",2
                b,"Lovely soft cotton, fits true to size.",5
                c,"The blender is loud but makes great smoothies.",4
                d,"My order never showed up and nobody answers the phone.",1
                e,"Cute pattern, my daughter wears it every day.",5
                """), ImportOptions.DEFAULTS, ImportListener.NONE);
        EmbeddingSummary first = vectors.embedPending(EmbeddingListener.NONE);
        assertThat(first.reviews()).isEqualTo(5);
        assertThat(vectors.index().passages()).isEqualTo(5);

        List<VectorIndex.Hit> hits = vectors.index().search(EMBEDDER.embed("the delivery was late"), 2, null);
        assertThat(hits).extracting(h -> h.review().substring(h.review().lastIndexOf('/') + 1))
                .containsExactlyInAnyOrder("1", "4");
        assertThat(hits.getFirst().score()).isBetween(0.2f, 1.0f);

        EmbeddingSummary again = vectors.embedPending(EmbeddingListener.NONE);
        assertThat(again.reviews()).as("nothing new: nothing embedded").isZero();
        assertThat(again.upToDate()).isEqualTo(5);
    }

    @Test
    void searchCanBeLimitedToSomeReviews() throws IOException {
        importer.importFile(csv("""
                a,"Took a month to get here.",2
                b,"Arrived three weeks late.",1
                c,"Great smoothies.",5
                """), ImportOptions.DEFAULTS, ImportListener.NONE);
        vectors.embedPending(EmbeddingListener.NONE);
        String onlyC = vectors.index().reviewHashes().keySet().stream().filter(r -> r.endsWith("/3")).findFirst().orElseThrow();
        assertThat(vectors.index().search(EMBEDDER.embed("late delivery"), 5, Set.of(onlyC)))
                .extracting(VectorIndex.Hit::review).containsExactly(onlyC);
    }

    @Test
    void anExactScanReturnsEveryPassageAboveTheThresholdBestFirst() throws IOException {
        importer.importFile(csv("""
                a,"Took a month to get here.",2
                b,"Arrived three weeks late.",1
                c,"Great smoothies every morning.",5
                """), ImportOptions.DEFAULTS, ImportListener.NONE);
        vectors.embedPending(EmbeddingListener.NONE);
        float[] query = EMBEDDER.embed("late delivery");
        List<VectorIndex.Hit> all = vectors.index().scan(query, -1f, null);
        assertThat(all).hasSize(3);
        assertThat(all).extracting(VectorIndex.Hit::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all.getLast().review()).endsWith("/3");
        List<VectorIndex.Hit> knn = vectors.index().search(query, 3, null);
        assertThat(all.getFirst().score()).isCloseTo(knn.getFirst().score(), org.assertj.core.data.Offset.offset(1e-4f));
        float threshold = (all.get(1).score() + all.get(2).score()) / 2;
        assertThat(vectors.index().scan(query, threshold, null)).hasSize(2);
        String onlyB = all.stream().map(VectorIndex.Hit::review).filter(r -> r.endsWith("/2")).findFirst().orElseThrow();
        assertThat(vectors.index().scan(query, -1f, Set.of(onlyB))).extracting(VectorIndex.Hit::review).containsExactly(onlyB);
    }

    @Test
    void editedReviewsAreReembeddedAndRepeatedTextsReuseTheirVector() throws IOException {
        Path file = csv("""
                a,"Took a month to get here.",2
                b,"Took a month to get here.",1
                """);
        importer.importFile(file, ImportOptions.DEFAULTS, ImportListener.NONE);
        EmbeddingSummary first = vectors.embedPending(EmbeddingListener.NONE);
        assertThat(first.passages()).isEqualTo(2);
        assertThat(first.cachedPassages()).as("the same text is embedded once").isEqualTo(1);

        Files.writeString(file, "customer,review,rating\na,\"Took a month to get here.\",2\nb,\"Came the next day!\",5\n");
        importer.importFile(file, ImportOptions.DEFAULTS, ImportListener.NONE);
        EmbeddingSummary second = vectors.embedPending(EmbeddingListener.NONE);
        assertThat(second.reviews()).isEqualTo(1);
        assertThat(second.upToDate()).isEqualTo(1);
        assertThat(vectors.index().passages()).isEqualTo(2);
    }

    @Test
    void anInterruptedPassResumesWhereItStopped() throws IOException {
        importer.importFile(csv("""
                a,"One.",1
                b,"Two.",2
                c,"Three.",3
                d,"Four.",4
                e,"Five.",5
                """), ImportOptions.DEFAULTS, ImportListener.NONE);
        RuntimeException stop = new RuntimeException("stop");
        try {
            vectors.embedPending(new EmbeddingListener() {
                @Override
                public void embedded(long done, long total) {
                    throw stop;
                }
            });
        } catch (RuntimeException e) {
            assertThat(e).isSameAs(stop);
        }
        assertThat(vectors.index().reviewHashes()).as("the first batch of 3 was committed").hasSize(3);
        EmbeddingSummary rest = vectors.embedPending(EmbeddingListener.NONE);
        assertThat(rest.reviews()).isEqualTo(2);
        assertThat(rest.upToDate()).isEqualTo(3);
    }
}

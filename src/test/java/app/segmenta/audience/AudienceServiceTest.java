package app.segmenta.audience;

import app.segmenta.aspects.AspectDetectors;
import app.segmenta.aspects.AspectListener;
import app.segmenta.aspects.ReviewAspects;
import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.ConceptRef;
import app.segmenta.catalog.GraphStore;
import app.segmenta.ingest.ImportListener;
import app.segmenta.ingest.ImportOptions;
import app.segmenta.ingest.Importer;
import app.segmenta.search.Embedder;
import app.segmenta.search.EmbeddingListener;
import app.segmenta.search.ReviewVectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AudienceServiceTest {

    @TempDir
    static Path dir;
    private static GraphStore store;
    private static ReviewVectors vectors;
    private static AudienceService audiences;

    @BeforeAll
    static void load() {
        store = new GraphStore(dir.resolve("tdb2"));
        ConceptIndex concepts = new ConceptIndex();
        new Importer(store, concepts, 100).importFile(Path.of("src/test/resources/fixtures/malformed.csv"),
                ImportOptions.DEFAULTS, ImportListener.NONE);
        Embedder embedder = new Embedder("all-minilm-l6-v2-q", Path.of("target/djl-cache"));
        vectors = new ReviewVectors(store, embedder, dir.resolve("vectors"), 100);
        vectors.embedPending(EmbeddingListener.NONE);
        new ReviewAspects(store, new CatalogService(store, new ConceptIndex()), vectors, new AspectDetectors(embedder, dir.resolve("aspects")))
                .detectPending(AspectListener.NONE, line -> { });
        audiences = new AudienceService(new CatalogService(store, concepts), concepts, store, vectors, embedder);
    }

    @AfterAll
    static void close() {
        vectors.close();
        store.close();
    }

    @Test
    void aCategoryInWordsCoversEverySubCategory() {
        Audience a = audiences.find(AudienceQuery.of("baby products", null, null, null));
        assertThat(a.interpretation().categories()).extracting(ConceptRef::label).containsExactly("Baby");
        assertThat(a.audience().reviews()).isEqualTo(5);
        assertThat(a.audience().customers()).isEqualTo(4);
        assertThat(a.audience().items()).extracting(Audience.Item::sourceRow).containsExactlyInAnyOrder(1L, 2L, 7L, 10L, 11L);
        assertThat(a.audience().items()).allSatisfy(i -> assertThat(i.source()).isEqualTo("malformed.csv"));
    }

    @Test
    void ratingLimitsAreInclusive() {
        Audience a = audiences.find(AudienceQuery.of("baby", null, null, BigDecimal.valueOf(2)));
        assertThat(a.audience().items()).extracting(Audience.Item::sourceRow).containsExactlyInAnyOrder(10L, 11L);
        assertThat(a.interpretation().filters()).containsEntry("maxRating", BigDecimal.valueOf(2));
    }

    @Test
    void aMeaningFindsReviewsThatNeverUseTheWordsAndQuotesThemVerbatim() {
        Audience a = audiences.find(AudienceQuery.of("baby", "my order did not show up", null, null));
        assertThat(a.audience().items()).isNotEmpty();
        Audience.Item top = a.audience().items().getFirst();
        assertThat(top.sourceRow()).isEqualTo(10);
        assertThat(top.customerId()).isEqualTo("c1");
        assertThat(top.why()).contains("\"Order never arrived, had to call the carrier twice.\"");
        assertThat(a.audience().items()).extracting(Audience.Item::score)
                .allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(AudienceService.minSimilarity("all-minilm-l6-v2-q")));
    }

    @Test
    void withoutACategoryTheWholeStoreIsSearched() {
        Audience a = audiences.find(AudienceQuery.of(null, "took weeks to be delivered", null, null));
        assertThat(a.interpretation().categories()).isEmpty();
        assertThat(a.audience().items()).extracting(Audience.Item::sourceRow).contains(3L);
    }

    @Test
    void aCategoryThatMatchesNothingIsSaidSo() {
        assertThatThrownBy(() -> audiences.find(AudienceQuery.of("spaceships", null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No category matches 'spaceships'");
    }

    @Test
    void complaintsAboutAnAspectInWordsAreFoundWithTheirEvidence() {
        Audience a = audiences.find(AudienceQuery.of("baby", null, null, null).withAspect("delivery", "negative"));
        assertThat(a.interpretation().aspects()).extracting(ConceptRef::label).containsExactly("Shipping & delivery");
        assertThat(a.interpretation().polarity()).isEqualTo("negative");
        assertThat(a.audience().items()).extracting(Audience.Item::sourceRow).contains(10L).doesNotContain(1L, 7L, 3L);
        Audience.Item late = a.audience().items().stream().filter(i -> i.sourceRow() == 10).findFirst().orElseThrow();
        assertThat(late.why()).startsWith("complains about Shipping & delivery (")
                .contains("says: \"Order never arrived, had to call the carrier twice.\"");
        assertThat(late.score()).isBetween(0.0, 1.0);
    }

    @Test
    void aComplaintWithoutTheObviousWordsIsFoundAcrossTheStore() {
        Audience a = audiences.find(AudienceQuery.of(null, null, null, null).withAspect("shipping", "negative"));
        assertThat(a.interpretation().categories()).isEmpty();
        assertThat(a.audience().items()).extracting(Audience.Item::sourceRow).contains(3L, 10L);
    }

    @Test
    void anAspectAndAMeaningNarrowEachOther() {
        Audience a = audiences.find(AudienceQuery.of(null, "my order did not show up", null, null).withAspect("shipping", "negative"));
        assertThat(a.audience().items()).isNotEmpty().allSatisfy(i -> assertThat(i.why())
                .startsWith("complains about Shipping & delivery").contains("close to \"my order did not show up\""));
    }

    @Test
    void praiseIsNotAComplaint() {
        Audience praise = audiences.find(AudienceQuery.of(null, null, null, null).withAspect("shipping", "positive"));
        assertThat(praise.audience().items()).extracting(Audience.Item::sourceRow).doesNotContain(3L, 10L);
    }

    @Test
    void datesAndCustomerAttributesLimitTheAudience() {
        AudienceQuery q = new AudienceQuery("baby", null, null, null, null, null, LocalDate.of(2023, 4, 10),
                LocalDate.of(2023, 12, 31), Map.of("city", "austin"));
        Audience a = audiences.find(q);
        // Austin's baby reviews: row 1 (2023-04-01, too early) and row 10 (no valid date): none left.
        assertThat(a.audience().items()).isEmpty();
        Audience chicago = audiences.find(new AudienceQuery("baby", null, null, null, null, null, null, null,
                Map.of("city", "CHICAGO")));
        assertThat(chicago.audience().items()).extracting(Audience.Item::sourceRow).containsExactly(7L);
        assertThat(chicago.interpretation().filters()).containsEntry("attributes", new java.util.TreeMap<>(Map.of("city", "CHICAGO")));
    }

    @Test
    void anAspectThatMatchesNothingIsSaidSo() {
        assertThatThrownBy(() -> audiences.find(AudienceQuery.of(null, null, null, null).withAspect("teleportation", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No aspect matches 'teleportation'");
        assertThatThrownBy(() -> audiences.find(AudienceQuery.of(null, null, null, null).withAspect("shipping", "angry")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown polarity 'angry'");
    }
}

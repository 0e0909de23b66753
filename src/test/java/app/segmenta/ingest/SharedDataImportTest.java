package app.segmenta.ingest;

import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.GraphStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The three full public review sets import with auto-detection or a shipped mapping file. Runs only where
 * {@code ../shared/data} exists (a fresh clone has none).
 */
class SharedDataImportTest {

    private static final Path SHARED = Path.of("..", "shared", "data");

    @TempDir
    static Path dir;
    private static GraphStore store;
    private static Importer importer;

    @BeforeAll
    static void open() {
        assumeTrue(Files.isDirectory(SHARED), "../shared/data is not here");
        store = new GraphStore(dir.resolve("tdb2"));
        importer = new Importer(store, new ConceptIndex(), 2000);
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    private static ImportSummary run(String file, String mapping) {
        return importer.importFile(SHARED.resolve(file),
                new ImportOptions(null, mapping == null ? null : Path.of("data/demo", mapping), null), ImportListener.NONE);
    }

    @Test
    void womensClothingByAutoDetectionAlone() {
        ImportSummary s = run("womens-clothing-reviews.csv", null);
        assertThat(s.read()).isEqualTo(23_486);
        assertThat(s.skipped()).allSatisfy(i -> assertThat(i.reason()).isEqualTo("missing review text"));
        assertThat(s.imported() + s.skipped().size()).isEqualTo(s.read());
        assertThat(s.reviewsWithoutCategory()).isLessThan(30);
        assertThat(s.customers()).as("no reviewer ids: one anonymous customer per review").isEqualTo(s.imported());
    }

    @Test
    void multiCategoryWithItsShippedMapping() {
        ImportSummary s = run("product-reviews-multicategory.csv", "product-reviews-multicategory.mapping.json");
        assertThat(s.read()).isEqualTo(14_764);
        assertThat(s.imported()).isGreaterThan(14_700);
        assertThat(s.products()).isEqualTo(238);
        assertThat(s.customers()).isLessThan(s.imported());
        assertThat(s.reviewsWithoutCategory()).isLessThan(s.imported() / 50);
    }

    @Test
    void babyReviewsWithTheirShippedMapping() {
        ImportSummary s = run("baby-product-reviews.csv", "baby-product-reviews.mapping.json");
        assertThat(s.read()).isEqualTo(2_099);
        assertThat(s.unmappedCategories()).isEmpty();
        assertThat(s.reviewsWithoutCategory()).isZero();
    }
}

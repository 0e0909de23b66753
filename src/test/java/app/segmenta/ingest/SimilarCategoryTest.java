package app.segmenta.ingest;

import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.GraphStore;
import app.segmenta.search.Embedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Source labels no name matches go to the concept nearest in meaning, shown with their score; far ones stay unmapped. */
class SimilarCategoryTest {

    @TempDir
    Path dir;

    @Test
    void novelLabelsMapByMeaningAndTheSummaryShowsEachWithItsScore() {
        ConceptIndex concepts = new ConceptIndex();
        Embedder embedder = new Embedder(Embedder.DEFAULT_MODEL, Path.of("target/djl-cache"));
        try (GraphStore store = new GraphStore(dir.resolve("tdb2"))) {
            Importer importer = new Importer(store, concepts, 100, new EmbeddingCategorySimilarity(embedder, concepts));
            ImportSummary s = importer.importFile(Path.of("src/test/resources/fixtures/novel-categories.csv"),
                    ImportOptions.DEFAULTS, ImportListener.NONE);
            assertThat(s.imported()).isEqualTo(4);
            assertThat(s.similarityMapped()).extracting(ImportSummary.SimilarityMapping::label,
                            ImportSummary.SimilarityMapping::conceptLabel, ImportSummary.SimilarityMapping::reviews)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Sportswear > Running shoes", "Shoes", 2L));
            assertThat(s.similarityMapped()).allSatisfy(m -> assertThat(m.score())
                    .isBetween(EmbeddingCategorySimilarity.threshold(Embedder.DEFAULT_MODEL), 1.0));
            // Too far from any concept to guess: it came closest to Toys.
            assertThat(s.unmappedCategories()).extracting(ImportSummary.LabelCount::label)
                    .containsExactly("Wheeled goods > Pushchairs");
            assertThat(s.categoryValuesMapped()).isEqualTo(2);
        }
    }

    @Test
    void withoutSimilarityOnlyNamesMap() {
        try (GraphStore store = new GraphStore(dir.resolve("tdb2-names"))) {
            ImportSummary s = new Importer(store, new ConceptIndex(), 100).importFile(
                    Path.of("src/test/resources/fixtures/novel-categories.csv"), ImportOptions.DEFAULTS, ImportListener.NONE);
            assertThat(s.similarityMapped()).isEmpty();
            assertThat(s.unmappedCategories()).hasSize(2);
        }
    }
}

package app.segmenta.catalog;

import app.segmenta.ingest.ImportListener;
import app.segmenta.ingest.ImportOptions;
import app.segmenta.ingest.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogServiceTest {

    private static final ConceptIndex CONCEPTS = new ConceptIndex();
    private static GraphStore store;
    private static CatalogService catalog;

    @BeforeAll
    static void load() {
        store = GraphStore.inMemory();
        new Importer(store, CONCEPTS, 100).importFile(Path.of("src/test/resources/fixtures/malformed.csv"),
                ImportOptions.DEFAULTS, ImportListener.NONE);
        catalog = new CatalogService(store, CONCEPTS);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static String iri(String label) {
        return CONCEPTS.matchLabel(Concept.Scheme.CATEGORIES, label).orElseThrow().iri();
    }

    @Test
    void resolvesFreeTextToConceptsWithEverySubCategory() {
        assertThat(catalog.resolveCategories("who buys baby products?")).extracting(ConceptRef::label).containsExactly("Baby");
        assertThat(catalog.descendants(iri("Baby"))).extracting(ConceptRef::label)
                .contains("Baby", "Nursery furniture", "Baby feeding", "Baby gear", "Diapering");
        assertThat(catalog.resolveAspects("unhappy with delivery")).extracting(ConceptRef::label)
                .containsExactly("Shipping & delivery");
    }

    @Test
    void categoryCountsIncludeDescendantsAndCountCustomersOnce() {
        Map<String, ConceptCount> tree = catalog.categoryTree().stream()
                .collect(Collectors.toMap(ConceptCount::label, Function.identity()));
        assertThat(tree.get("Nursery furniture")).extracting(ConceptCount::reviews, ConceptCount::customers).containsExactly(2L, 2L);
        assertThat(tree.get("Baby feeding")).extracting(ConceptCount::reviews, ConceptCount::customers).containsExactly(2L, 2L);
        assertThat(tree.get("Baby")).extracting(ConceptCount::reviews, ConceptCount::customers).containsExactly(5L, 4L);
        assertThat(tree.get("Apparel").reviews()).isZero();
        assertThat(tree.get("Baby feeding").broader()).containsExactly(iri("Baby"));
    }

    @Test
    void anEmptySetOfIrisMatchesNothingRatherThanFailing() {
        assertThat(catalog.reviewRefs(List.of())).isEmpty();
        assertThat(catalog.membersOf(List.of()).reviews()).isEmpty();
    }

    @Test
    void membersOfConceptsIncludeEverySubCategory() {
        ConceptMembers baby = catalog.membersOf(List.of(iri("Baby")));
        assertThat(baby.reviews()).hasSize(5);
        assertThat(baby.customers()).hasSize(4);
        assertThat(baby.products()).hasSize(3);
        ConceptMembers nursery = catalog.membersOf(List.of(iri("Nursery furniture")));
        assertThat(nursery.reviews()).hasSize(2);
        assertThatThrownBy(() -> catalog.membersOf(List.of("https://segmenta.app/ns/category/nope")))
                .isInstanceOf(UnknownConceptException.class);
    }

    @Test
    void profileShowsAttributesProductsCategoriesAndReviews() {
        CustomerProfile c1 = catalog.customer("c1").orElseThrow();
        assertThat(c1.anonymous()).isFalse();
        assertThat(c1.products()).extracting(CustomerProfile.ProductSummary::name).containsExactlyInAnyOrder("Cozy Crib", "Bottle Set");
        assertThat(c1.reviews()).extracting(CustomerProfile.ReviewSummary::date).containsExactly(null, "2023-04-01");
        CustomerProfile c3 = catalog.customer("c3").orElseThrow();
        assertThat(c3.products().getFirst().unmappedCategories()).containsExactly("Gizmos > Widgets");
        assertThat(catalog.customer("nobody")).isEmpty();
    }
}

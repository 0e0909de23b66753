package app.segmenta.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConceptIndexTest {

    private final ConceptIndex index = new ConceptIndex();

    @Test
    void findsCategoriesAndAspectsNamedInAQuestion() {
        String question = "Who buys baby products and complains about shipping?";
        assertThat(index.findIn(Concept.Scheme.CATEGORIES, question)).extracting(m -> m.concept().label())
                .containsExactly("Baby");
        assertThat(index.findIn(Concept.Scheme.ASPECTS, question)).extracting(m -> m.concept().label())
                .containsExactly("Shipping & delivery");
    }

    @Test
    void longestLabelWinsOverItsWords() {
        assertThat(index.findIn(Concept.Scheme.CATEGORIES, "customers of baby bottles"))
                .extracting(m -> m.concept().label()).containsExactly("Baby feeding");
    }

    @Test
    void treeWalksFollowSkosBroader() {
        Concept baby = index.matchLabel(Concept.Scheme.CATEGORIES, "baby").orElseThrow();
        Concept gear = index.matchLabel(Concept.Scheme.CATEGORIES, "strollers").orElseThrow();
        assertThat(gear.label()).isEqualTo("Baby gear");
        assertThat(index.isAncestor(baby.iri(), gear.iri())).isTrue();
        assertThat(index.isAncestor(gear.iri(), baby.iri())).isFalse();
        assertThat(index.withDescendants(baby.iri())).contains(gear.iri()).startsWith(baby.iri());
        assertThat(index.mostSpecific(java.util.List.of(baby, gear))).containsExactly(gear);
        assertThat(index.concepts(Concept.Scheme.CATEGORIES).indexOf(baby))
                .isLessThan(index.concepts(Concept.Scheme.CATEGORIES).indexOf(gear));
    }
}

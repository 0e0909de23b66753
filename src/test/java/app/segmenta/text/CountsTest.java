package app.segmenta.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountsTest {

    @Test
    void oneIsSingularEverythingElsePlural() {
        assertThat(Counts.of(1, "customer")).isEqualTo("1 customer");
        assertThat(Counts.of(0, "customer")).isEqualTo("0 customers");
        assertThat(Counts.of(2, "review")).isEqualTo("2 reviews");
        assertThat(Counts.of(1_204, "matching review")).isEqualTo("1,204 matching reviews");
        assertThat(Counts.noun(1, "segment")).isEqualTo("segment");
        assertThat(Counts.noun(3, "segment")).isEqualTo("segments");
    }

    @Test
    void regularEnglishPlurals() {
        assertThat(Counts.plural("category")).isEqualTo("categories");
        assertThat(Counts.plural("day")).isEqualTo("days");
        assertThat(Counts.plural("match")).isEqualTo("matches");
        assertThat(Counts.plural("passage")).isEqualTo("passages");
        assertThat(Counts.plural("row")).isEqualTo("rows");
    }
}

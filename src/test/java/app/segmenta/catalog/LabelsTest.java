package app.segmenta.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

    @Test
    void caseAccentsPunctuationAmpersandsAndPluralsDoNotMatter() {
        assertThat(Labels.normalize("Kids' Stuff")).isEqualTo(Labels.normalize("KIDS-STUFF"));
        assertThat(Labels.normalize("Movies, Music & Books")).isEqualTo("movie music and book");
        assertThat(Labels.normalize("Crème brûlée")).isEqualTo("creme brulee");
        assertThat(Labels.normalize("Dresses")).isEqualTo(Labels.normalize("dress"));
        assertThat(Labels.normalize("Accessories")).isEqualTo("accessory");
        assertThat(Labels.normalize("Glass")).isEqualTo("glass");
        assertThat(Labels.normalize("  ")).isEmpty();
    }
}

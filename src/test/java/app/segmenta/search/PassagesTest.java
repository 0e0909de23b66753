package app.segmenta.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PassagesTest {

    @Test
    void aShortReviewIsOnePassage() {
        assertThat(Passages.split("Love it! Soft and warm.")).extracting(Passages.Passage::text)
                .containsExactly("Love it! Soft and warm.");
    }

    @Test
    void aComplaintInsideALongHappyReviewGetsAPassageOfItsOwn() {
        String review = "I absolutely love this dress and the colour is even better than in the photos online. "
                + "The fabric is soft, it washes well and I have already worn it to two weddings this summer. "
                + "Sadly the package took five weeks to reach me and the box was crushed. "
                + "Still, I would buy it again in every colour they make, it is that flattering and comfortable.";
        List<Passages.Passage> passages = Passages.split(review);
        assertThat(passages).hasSizeGreaterThan(1);
        assertThat(passages).allSatisfy(p -> assertThat(review.substring(p.start(), p.end())).isEqualTo(p.text()));
        assertThat(passages).filteredOn(p -> p.text().contains("five weeks")).singleElement()
                .satisfies(p -> assertThat(p.text()).doesNotContain("weddings"));
        assertThat(passages).allSatisfy(p -> assertThat(p.text().split("\\s+").length).isLessThanOrEqualTo(Passages.MAX_WORDS));
    }

    @Test
    void aShortLastSentenceJoinsThePassageBeforeIt() {
        String review = "The stroller folds flat in one motion and fits in the trunk of our small hatchback easily. "
                + "Wheels are sturdy and the basket is big enough for a full diaper bag and groceries too. Love it.";
        List<Passages.Passage> passages = Passages.split(review);
        assertThat(passages.getLast().text()).endsWith("Love it.");
        assertThat(passages.getLast().text().split("\\s+").length).isGreaterThan(Passages.MIN_WORDS);
    }

    @Test
    void cacheKeyIgnoresCaseAndSpacing() {
        assertThat(Passages.normalize("  Arrived   LATE ")).isEqualTo(Passages.normalize("arrived late"));
    }
}

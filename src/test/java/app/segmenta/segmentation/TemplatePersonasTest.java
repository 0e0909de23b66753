package app.segmenta.segmentation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatePersonasTest {

    private static Segment segment(List<Segment.Lift> aspects, double mean) {
        return new Segment("s1", 1, "label", "d", 145, 0.06, List.of("c1"), List.of(), List.of("glider"),
                List.of(new Segment.Lift("https://segmenta.app/ns/category/baby-nursery", "Nursery furniture", null, 1.0, 15.5)),
                aspects, new Segment.Ratings(mean, 146, Map.of("4", 146)), null, List.of(), null);
    }

    @Test
    void theNameReadsAsAPhraseAndTheWhoStatesOnlyFacts() {
        Segment.Lift late = new Segment.Lift("https://segmenta.app/ns/aspect#shipping", "Shipping & delivery", "negative", 0.4, 2.0);
        Segment.Lift comfy = new Segment.Lift("https://segmenta.app/ns/aspect#comfort", "Comfort", "positive", 0.5, 1.6);
        assertThat(TemplatePersonas.write(segment(List.of(late), 3.0)).name())
                .isEqualTo("Nora, nursery furniture shopper who wants better shipping & delivery");
        assertThat(TemplatePersonas.write(segment(List.of(comfy), 4.6)).name()).isEqualTo("Nora, nursery furniture shopper who loves the comfort");
        assertThat(TemplatePersonas.write(segment(List.of(), 4.2)).name()).isEqualTo("Nora, the regular nursery furniture shopper");
        assertThat(TemplatePersonas.write(segment(List.of(), 2.0)).name()).isEqualTo("Nora, the disappointed nursery furniture shopper");

        Persona p = TemplatePersonas.write(segment(List.of(late), 3.0));
        assertThat(p.who()).isEqualTo("145 customers, 6% of the audience; 100% of them reviewed Nursery furniture; they rate 3.0★ on average.");
        assertThat(p.frustrations()).containsExactly("Shipping & delivery: 40% of them complain about it (2.0× the audience)");
        assertThat(p.writer()).isEqualTo("template");
    }

    @Test
    void aSegmentOfOneCustomerReadsSingular() {
        Segment one = new Segment("s2", 2, "label", "d", 1, 0.03, List.of("c1"), List.of(), List.of(), List.of(),
                List.of(), new Segment.Ratings(2.0, 1, Map.of("2", 1)), null, List.of(), null);
        assertThat(TemplateWriter.description(one)).startsWith("1 customer (3% of the audience).")
                .contains("Mean rating 2.0★ over 1 review.");
        assertThat(TemplatePersonas.write(one).who()).startsWith("1 customer, 3% of the audience");
    }
}

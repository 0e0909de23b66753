package app.segmenta.aspects;

import app.segmenta.search.Embedder;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 14-aspect labelled format, and complaint and praise measured on it with and without ratings. */
class PolarityEvaluationTest {

    private static final String SET = """
            source,row,rating,title,text,complaints,praise,pool,note
            a.csv,1,1,,"It took three weeks to arrive and the box was crushed.",shipping,,any,
            a.csv,2,5,,"So soft and comfortable, and the colour is lovely.",,comfort;appearance,any,
            a.csv,3,2,"Too small","Runs two sizes small, I sent it back.",fit;returns,,any,
            a.csv,4,4,,"Nice dress.",,,any,
            """;

    @Test
    void readsComplaintsAndPraiseAsAspectNames() throws Exception {
        AspectLabels labels = AspectLabels.read(new StringReader(SET), "test");
        assertThat(labels.reviews()).hasSize(4);
        assertThat(labels.reviews().get(1).praise()).isEqualTo(Set.of("comfort", "appearance"));
        assertThat(labels.reviews().get(2).complaints()).isEqualTo(Set.of("fit", "returns"));
        assertThat(labels.reviews().get(2).title()).isEqualTo("Too small");
        assertThat(AspectLabels.isThisFormat(List.of("source", "row", "shipping", "fit"))).isFalse();
        assertThatThrownBy(() -> AspectLabels.read(new StringReader("source,row,rating,title,text,shipping\n"), "old"))
                .hasMessageContaining("no complaints and praise columns");
    }

    @Test
    void macroF1CountsOnlyAspectsWithEnoughPositivesToMeasure() {
        Map<String, AspectEvaluation.Score> scores = new LinkedHashMap<>();
        scores.put("shipping", AspectEvaluation.Score.of(30, 10, 10)); // 40 positives: measured, F1 0.75
        scores.put("fit", AspectEvaluation.Score.of(45, 5, 5)); // 50 positives: measured, F1 0.9
        scores.put("taste", AspectEvaluation.Score.of(0, 3, 12)); // 12 positives: too few to measure
        assertThat(PolarityEvaluation.macro(scores)).isEqualTo(0.825);
        assertThat(PolarityEvaluation.macro(Map.of("taste", AspectEvaluation.Score.of(1, 0, 1)))).isNaN();
    }

    @Test
    void measuresEveryAspectWithAndWithoutRatings() throws Exception {
        Embedder embedder = new Embedder("all-minilm-l6-v2-q", Path.of("target/djl-cache"));
        List<AspectDefinition> aspects = AspectScheme.shipped();
        AspectDetector detector = new AspectDetectors(embedder, Path.of("target/polarity-eval-aspects")).detector(line -> { });
        List<PolarityEvaluation.Result> results = PolarityEvaluation.evaluate(detector, embedder,
                AspectLabels.read(new StringReader(SET), "test"), aspects.stream().map(AspectDefinition::name).toList());
        assertThat(results).extracting(PolarityEvaluation.Result::withRatings).containsExactly(true, false);
        PolarityEvaluation.Result rated = results.get(0);
        assertThat(rated.reviews()).isEqualTo(4);
        assertThat(rated.complaints().keySet()).hasSize(aspects.size()).contains("shipping", "customer-service", "ease-of-use");
        AspectEvaluation.Score shipping = rated.complaints().get("shipping");
        assertThat(shipping.truePositives() + shipping.falseNegatives()).isEqualTo(1);
        assertThat(shipping.truePositives()).as("a late, crushed parcel is a shipping complaint").isEqualTo(1);
        AspectEvaluation.Score comfort = rated.praise().get("comfort");
        assertThat(comfort.truePositives() + comfort.falseNegatives()).isEqualTo(1);
        assertThat(results.get(1).praise().get("comfort").truePositives())
                .as("praise read from the words, with the rating removed").isEqualTo(1);
    }
}

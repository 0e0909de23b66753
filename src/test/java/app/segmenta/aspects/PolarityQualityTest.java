package app.segmenta.aspects;

import app.segmenta.search.Embedder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Complaint and praise of every aspect on the 14-aspect evaluation split (never trained on), with the shipped
 * detectors of the default model: the figures in docs/aspects.md may not drop by more than a small margin, and a
 * source without ratings may not lose more than 0.05.
 */
class PolarityQualityTest {

    /** Macro F1 reached on 2026-12-04 (complaints, praise) minus 0.03 for noise between runs and platforms. */
    static final double COMPLAINT_REACHED = 0.576;
    static final double PRAISE_REACHED = 0.660;
    static final double COMPLAINT_FLOOR = COMPLAINT_REACHED - 0.03;
    static final double PRAISE_FLOOR = PRAISE_REACHED - 0.03;

    private static List<PolarityEvaluation.Result> results;

    @BeforeAll
    static void measure() throws IOException {
        Embedder embedder = new Embedder(Embedder.DEFAULT_MODEL, Path.of("target/djl-cache"));
        AspectDetector detector = new AspectDetectors(embedder, Path.of("target/polarity-quality-aspects"))
                .detector(line -> { });
        AspectLabels eval = AspectLabels.read(Files.newBufferedReader(AspectSetsTest.EVAL, StandardCharsets.UTF_8), "eval");
        results = PolarityEvaluation.evaluate(detector, embedder, eval,
                AspectScheme.shipped().stream().map(AspectDefinition::name).toList());
    }

    @Test
    void macroF1StaysWhereItWasReached() {
        PolarityEvaluation.Result rated = results.get(0);
        assertThat(rated.complaintMacroF1()).as("complaint macro F1").isGreaterThanOrEqualTo(COMPLAINT_FLOOR);
        assertThat(rated.praiseMacroF1()).as("praise macro F1").isGreaterThanOrEqualTo(PRAISE_FLOOR);
    }

    @Test
    void readingWithoutRatingsLosesLittle() {
        PolarityEvaluation.Result rated = results.get(0);
        PolarityEvaluation.Result unrated = results.get(1);
        assertThat(unrated.withRatings()).isFalse();
        assertThat(unrated.complaintMacroF1()).isGreaterThanOrEqualTo(rated.complaintMacroF1() - 0.05);
        assertThat(unrated.praiseMacroF1()).isGreaterThanOrEqualTo(rated.praiseMacroF1() - 0.05);
    }
}

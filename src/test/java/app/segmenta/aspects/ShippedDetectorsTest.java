package app.segmenta.aspects;

import app.segmenta.search.Embedder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The detectors in the jar were trained from exactly what the jar holds, and never from the evaluation set. */
class ShippedDetectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"bge-small-en-v15-q", "all-minilm-l6-v2-q"})
    void shippedDetectorsMatchTheCurrentTrainingInputs(String model) {
        AspectModels shipped = AspectDetectors.shipped(model).orElseThrow();
        assertThat(shipped.fingerprint())
                .as("training set, cues or ontology examples changed: run segmenta train-aspects (see aspects/README.md)")
                .isEqualTo(AspectTrainer.fingerprint(model, TrainingSet.shipped(), Cues.shipped(), AspectScheme.shipped()));
        assertThat(shipped.models()).extracting(AspectModel::name)
                .containsExactlyElementsOf(AspectScheme.shipped().stream().map(AspectDefinition::name).toList());
        assertThat(shipped.models()).filteredOn(AspectModel::measured).extracting(AspectModel::name)
                .containsExactlyInAnyOrder("shipping", "fit", "quality");
        assertThat(shipped.models()).allSatisfy(m -> assertThat(m.weights()).hasSize(384 + PassageFeatures.EXTRA));
        // review-level readers, from the words alone, for every aspect and polarity with labels enough
        assertThat(shipped.reviewModels()).extracting(r -> r.name() + "/" + r.polarity())
                .contains("price/COMPLAINT", "price/PRAISE", "comfort/PRAISE", "returns/COMPLAINT", "scent/COMPLAINT");
        assertThat(shipped.reviewModels()).allSatisfy(r -> {
            assertThat(r.weights()).hasSize(2 * 384);
            assertThat(r.positives()).isGreaterThanOrEqualTo(ReviewModelTrainer.MIN_POSITIVES);
        });
    }

    @Test
    void theDefaultModelHasShippedDetectors() {
        assertThat(AspectDetectors.shipped(Embedder.DEFAULT_MODEL)).isPresent();
    }

    @Test
    void trainingAndEvaluationShareNoReview() throws IOException {
        Set<String> training = TrainingSet.shipped().reviews().stream().map(r -> r.source() + "#" + r.row())
                .collect(Collectors.toSet());
        TrainingSet held;
        try (Reader r = Files.newBufferedReader(AspectQualityTest.LABELLED, StandardCharsets.UTF_8)) {
            held = TrainingSet.read(r, "evaluation");
        }
        Set<String> overlap = new HashSet<>(training);
        overlap.retainAll(held.reviews().stream().map(r -> r.source() + "#" + r.row()).collect(Collectors.toSet()));
        assertThat(training).hasSizeGreaterThan(1500);
        assertThat(overlap).isEmpty();
    }

    @Test
    void everyCueNamesAnAspectOfTheOntology() {
        Set<String> names = AspectScheme.shipped().stream().map(AspectDefinition::name).collect(Collectors.toSet());
        names.add(Cues.NEGATIVE);
        String source = Cues.shipped().source();
        source.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> assertThat(names).contains(l.substring(0, l.indexOf('\t'))));
        Cues cues = Cues.shipped();
        assertThat(cues.count("shipping", "I wasted money on shipping and it came a month late")).isPositive();
        assertThat(cues.count("shipping", "Lovely soft fabric")).isZero();
        assertThat(cues.negative("So disappointed, sending it back")).isTrue();
    }

    @Test
    void aMalformedCueLineIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> Cues.parse("# header\nshipping no tab here\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }
}

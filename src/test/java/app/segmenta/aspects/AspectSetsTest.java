package app.segmenta.aspects;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 14-aspect labelled set (src/test/resources/labelled/aspects14/README.md) stays what its README says: its
 * evaluation split shares no review with any training data, and the earlier evaluation set shares none with the new
 * training split.
 */
class AspectSetsTest {

    static final Path EVAL = Path.of("src/test/resources/labelled/aspects14/eval.csv");
    static final Path TRAIN = Path.of("src/main/resources/aspects/training14.csv");
    private static final Path OLD_EVAL = Path.of("src/test/resources/labelled/aspect-labels.csv");
    private static final Path OLD_TRAIN = Path.of("src/main/resources/aspects/training.csv");

    private static AspectLabels labels(Path file) throws IOException {
        return AspectLabels.read(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
    }

    private static Set<String> keys(List<String> sources, List<Long> rows) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            out.add(sources.get(i) + "#" + rows.get(i));
        }
        return out;
    }

    private static Set<String> keys(AspectLabels set) {
        return keys(set.reviews().stream().map(AspectLabels.Review::source).toList(),
                set.reviews().stream().map(AspectLabels.Review::row).toList());
    }

    private static Set<String> keys(TrainingSet set) {
        return keys(set.reviews().stream().map(TrainingSet.Labelled::source).toList(),
                set.reviews().stream().map(TrainingSet.Labelled::row).toList());
    }

    @Test
    void theSplitsAreDisjointFromEachOtherAndFromTheEarlierSets() throws IOException {
        AspectLabels eval = labels(EVAL);
        AspectLabels train = labels(TRAIN);
        assertThat(keys(eval)).as("one row per review").hasSize(eval.reviews().size());
        assertThat(keys(train)).as("one row per review").hasSize(train.reviews().size());
        assertThat(keys(eval)).doesNotContainAnyElementsOf(keys(train));
        assertThat(keys(eval)).as("no earlier training review in the evaluation split")
                .doesNotContainAnyElementsOf(keys(TrainingSet.read(Files.newBufferedReader(OLD_TRAIN), "old")));
        assertThat(keys(train)).as("no earlier evaluation review in the training split")
                .doesNotContainAnyElementsOf(keys(TrainingSet.read(Files.newBufferedReader(OLD_EVAL), "old")));
        Set<String> evalTexts = eval.reviews().stream().map(AspectLabels.Review::text).collect(Collectors.toSet());
        assertThat(train.reviews()).noneMatch(r -> evalTexts.contains(r.text()));
    }

    @Test
    void everyLabelIsAnAspectOfTheOntologyAndEveryAspectIsLabelled() throws IOException {
        Set<String> names = AspectScheme.shipped().stream().map(AspectDefinition::name).collect(Collectors.toSet());
        AspectLabels eval = labels(EVAL);
        Set<String> used = Stream.concat(eval.reviews().stream(), labels(TRAIN).reviews().stream())
                .flatMap(r -> Stream.concat(r.complaints().stream(), r.praise().stream())).collect(Collectors.toSet());
        assertThat(names).containsAll(used);
        assertThat(used).as("all 14 aspects have positives").containsExactlyInAnyOrderElementsOf(names);
        assertThat(eval.reviews()).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(eval.reviews().stream().filter(r -> r.rating() == null)).isEmpty();
    }
}

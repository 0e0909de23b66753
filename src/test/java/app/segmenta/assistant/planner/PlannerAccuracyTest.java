package app.segmenta.assistant.planner;

import app.segmenta.assistant.Reading;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.ingest.EmbeddingCategorySimilarity;
import app.segmenta.search.Embedder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline planner on the marketer question set: a question counts only when its whole reading (intent,
 * categories, aspects, polarity, limits, k, customer, format, the compared audience) is what the fixture expects.
 * Prints the accuracy per intent and every miss; fails below the accuracy docs/assistant.md reports.
 */
class PlannerAccuracyTest {

    /** docs/assistant.md reports the measured figures; these floors catch a planner change that makes them worse. */
    static final double DEVELOPMENT_FLOOR = 0.95;
    static final double HELD_OUT_FLOOR = 0.75;

    @TempDir
    static Path cache;
    static Planner planner;

    @BeforeAll
    static void setUp() {
        ConceptIndex concepts = new ConceptIndex();
        planner = new Planner(concepts, new EmbeddingCategorySimilarity(new Embedder("all-minilm-l6-v2-q", cache), concepts));
    }

    @Test
    void readsTheDevelopmentSet() throws Exception {
        assertThat(accuracy(QuestionSet.DEVELOPMENT)).as("planner accuracy on the development set").isGreaterThanOrEqualTo(DEVELOPMENT_FLOOR);
    }

    @Test
    void readsTheHeldOutSet() throws Exception {
        assertThat(accuracy(QuestionSet.HELD_OUT)).as("planner accuracy on the held-out set").isGreaterThanOrEqualTo(HELD_OUT_FLOOR);
    }

    private static double accuracy(String resource) throws Exception {
        QuestionSet set = QuestionSet.load(resource);
        assertThat(set.questions()).hasSizeGreaterThanOrEqualTo(60);
        int right = 0;
        Map<String, int[]> byIntent = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (QuestionSet.Question q : set.questions()) {
            Reading previous = null;
            for (String before : q.after()) {
                previous = planner.plan(before, previous, set.today());
            }
            Map<String, Object> got = QuestionSet.comparable(planner.plan(q.question(), previous, set.today()));
            Map<String, Object> want = QuestionSet.expected(q.expect());
            int[] tally = byIntent.computeIfAbsent(String.valueOf(want.get("intent")), i -> new int[2]);
            tally[1]++;
            if (got.equals(want)) {
                right++;
                tally[0]++;
            } else {
                misses.add("#" + q.id() + " " + q.question() + "\n    want " + want + "\n    got  " + got);
            }
        }
        double accuracy = (double) right / set.questions().size();
        System.out.printf("Planner accuracy on %s: %d of %d questions (%.1f%%)%n", resource, right, set.questions().size(), 100 * accuracy);
        byIntent.forEach((intent, t) -> System.out.printf("  %-9s %d of %d%n", intent, t[0], t[1]));
        misses.forEach(m -> System.out.println("MISS " + m));
        return accuracy;
    }
}

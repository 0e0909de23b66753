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
 * Prints the accuracy per intent and every miss; fails below the accuracy the README reports.
 */
class PlannerAccuracyTest {

    /** The README reports the measured figure; this floor catches a planner change that makes it worse. */
    static final double FLOOR = 0.85;

    @TempDir
    static Path cache;
    static Planner planner;

    @BeforeAll
    static void setUp() {
        ConceptIndex concepts = new ConceptIndex();
        planner = new Planner(concepts, new EmbeddingCategorySimilarity(new Embedder("all-minilm-l6-v2-q", cache), concepts));
    }

    @Test
    void readsTheQuestionSet() throws Exception {
        QuestionSet set = QuestionSet.load();
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
        System.out.printf("Planner accuracy: %d of %d questions (%.1f%%)%n", right, set.questions().size(), 100 * accuracy);
        byIntent.forEach((intent, t) -> System.out.printf("  %-9s %d of %d%n", intent, t[0], t[1]));
        misses.forEach(m -> System.out.println("MISS " + m));
        assertThat(accuracy).as("planner accuracy on the question set").isGreaterThanOrEqualTo(FLOOR);
    }
}

package app.segmenta.segmentation;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words that set each segment's reviews apart: class-based TF-IDF as BERTopic computes it, each segment's reviews
 * being one document: weight(t, s) = tf(t, s) / words(s) × log(1 + A / f(t)), A the mean words per segment and
 * f(t) the count of t in all segments. A word must appear in {@value #MIN_REVIEWS} of the segment's reviews, so one
 * long review cannot put its own words forward. English stop words (Snowball's list) are left out.
 */
final class DistinctiveTerms {

    static final int MIN_REVIEWS = 3;
    static final int MIN_LENGTH = 3;

    private static final CharArraySet STOP_WORDS = stopWords();

    private DistinctiveTerms() {
    }

    /** @param textsBySegment the review texts of each segment */
    static List<List<String>> of(List<List<String>> textsBySegment, int top) {
        int k = textsBySegment.size();
        List<Map<String, Integer>> counts = new ArrayList<>();
        List<Map<String, Integer>> reviews = new ArrayList<>();
        Map<String, Integer> overall = new HashMap<>();
        long[] words = new long[k];
        try (Analyzer analyzer = new StandardAnalyzer(STOP_WORDS)) {
            for (int s = 0; s < k; s++) {
                Map<String, Integer> tf = new HashMap<>();
                Map<String, Integer> df = new HashMap<>();
                for (String text : textsBySegment.get(s)) {
                    Set<String> seen = new HashSet<>();
                    for (String token : tokens(analyzer, text)) {
                        tf.merge(token, 1, Integer::sum);
                        overall.merge(token, 1, Integer::sum);
                        words[s]++;
                        if (seen.add(token)) {
                            df.merge(token, 1, Integer::sum);
                        }
                    }
                }
                counts.add(tf);
                reviews.add(df);
            }
        }
        double average = java.util.Arrays.stream(words).average().orElse(0);
        List<List<String>> out = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            long total = Math.max(1, words[s]);
            Map<String, Integer> df = reviews.get(s);
            out.add(counts.get(s).entrySet().stream()
                    .filter(e -> df.get(e.getKey()) >= MIN_REVIEWS)
                    .map(e -> Map.entry(e.getKey(), (double) e.getValue() / total * Math.log(1 + average / overall.get(e.getKey()))))
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(top).map(Map.Entry::getKey).toList());
        }
        return out;
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String t = term.toString();
                if (t.length() >= MIN_LENGTH && t.chars().allMatch(Character::isLetter)) {
                    out.add(t);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static CharArraySet stopWords() {
        try (var in = SnowballFilter.class.getResourceAsStream("english_stop.txt")) {
            CharArraySet words = new CharArraySet(
                    WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8)), true);
            // Contractions the tokenizer keeps whole ("don't") and review filler the list lacks.
            words.addAll(List.of("don't", "didn't", "doesn't", "isn't", "wasn't", "can't", "won't", "i'm", "it's",
                    "i've", "also", "would", "get", "got", "one", "just", "really"));
            return CharArraySet.unmodifiableSet(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

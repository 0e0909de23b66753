package app.segmenta.search;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a review into passages of a sentence or two, so one complaint inside a long happy review keeps a vector
 * of its own instead of being averaged away. Very short sentences ("Love it!") join their neighbour.
 */
public final class Passages {

    static final int MIN_WORDS = 8;
    static final int MAX_WORDS = 40;

    private Passages() {
    }

    /** A span of the review text; {@code text} is exactly {@code review.substring(start, end)}. */
    public record Passage(int start, int end, String text) {
    }

    public static List<Passage> split(String review) {
        List<int[]> sentences = sentences(review);
        List<Passage> out = new ArrayList<>();
        int start = -1;
        int end = -1;
        int words = 0;
        for (int[] s : sentences) {
            int w = words(review.substring(s[0], s[1]));
            if (start >= 0 && words >= MIN_WORDS && words + w > MAX_WORDS) {
                out.add(passage(review, start, end));
                start = -1;
                words = 0;
            }
            if (start < 0) {
                start = s[0];
            }
            end = s[1];
            words += w;
        }
        if (start >= 0) {
            if (words < MIN_WORDS && !out.isEmpty()) {
                Passage last = out.removeLast();
                out.add(passage(review, last.start(), end));
            } else {
                out.add(passage(review, start, end));
            }
        }
        return out;
    }

    private static List<int[]> sentences(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        List<int[]> out = new ArrayList<>();
        for (int s = it.first(), e = it.next(); e != BreakIterator.DONE; s = e, e = it.next()) {
            int a = s;
            int b = e;
            while (a < b && Character.isWhitespace(text.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                b--;
            }
            if (a < b) {
                out.add(new int[]{a, b});
            }
        }
        return out;
    }

    private static Passage passage(String review, int start, int end) {
        return new Passage(start, end, review.substring(start, end));
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** Normal form for the embedding cache: the same words in other case or spacing embed once. */
    static String normalize(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

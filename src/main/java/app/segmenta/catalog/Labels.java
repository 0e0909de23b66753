package app.segmenta.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Normal form of a label for matching: case, accents, punctuation, "&"/"and" and simple plurals do not matter,
 * so "Kids' Stuff", "kids stuff" and "KIDS-STUFF" are one label.
 */
public final class Labels {
    private Labels() {
    }

    public static String normalize(String label) {
        return String.join(" ", tokens(label));
    }

    public static List<String> tokens(String text) {
        if (text == null) {
            return List.of();
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("['’`]", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
        if (s.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(s.split(" ")).map(Labels::singular).collect(Collectors.toList());
    }

    /** Plurals in -ies whose singular ends in -ie, not -y. */
    private static final java.util.Set<String> IE_PLURALS = java.util.Set.of("movies", "cookies", "zombies", "selfies",
            "rookies", "hoodies", "smoothies", "brownies", "veggies", "goodies", "onesies", "pies", "ties", "lies");

    /** A light English singular: enough for category labels (shampoos, dresses, accessories). */
    static String singular(String word) {
        if (word.length() <= 3 || !word.endsWith("s")) {
            return word;
        }
        if (IE_PLURALS.contains(word)) {
            return word.substring(0, word.length() - 1);
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        return word.substring(0, word.length() - 1);
    }
}

package app.segmenta.text;

import java.util.Locale;

/** A count and its noun, agreeing in number: "1 customer", "1,204 customers", "2 categories". */
public final class Counts {

    private Counts() {
    }

    /** {@code n}, with thousands separators, and the noun singular when {@code n} is 1: {@code of(1, "customer")}. */
    public static String of(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s", n, noun(n, noun));
    }

    /** The noun alone, in the number {@code n} asks for: for counts written some other way ("1 of 3 customers"). */
    public static String noun(long n, String singular) {
        return n == 1 ? singular : plural(singular);
    }

    /** English plural of the last word: category → categories, match → matches, customer → customers. */
    static String plural(String singular) {
        if (singular.matches("(?s).*[^aeiou]y")) {
            return singular.substring(0, singular.length() - 1) + "ies";
        }
        if (singular.matches("(?s).*(s|x|z|ch|sh)")) {
            return singular + "es";
        }
        return singular + "s";
    }
}

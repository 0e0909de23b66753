package app.segmenta.assistant;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers written in text, compared as numbers: "1,204", "38.0" and "38" are found and normalised alike. */
public final class Numbers {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.])\\d[\\d,]*(?:\\.\\d+)?");

    private Numbers() {
    }

    public static Set<String> in(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(normal(m.group()));
        }
        return out;
    }

    /** The numbers in the text that are not among these (normalised) ones. */
    public static List<String> notIn(String text, Set<String> known) {
        return in(text).stream().filter(n -> !known.contains(n)).toList();
    }

    public static String normal(String token) {
        String t = token.replaceAll(",+$", "").replace(",", "");
        try {
            return new BigDecimal(t).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return t;
        }
    }
}

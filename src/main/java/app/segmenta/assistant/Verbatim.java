package app.segmenta.assistant;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds a quotation in stored text word for word. Only whitespace may differ (a model reflows lines); every other
 * character, case and punctuation included, must match.
 */
public final class Verbatim {

    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Verbatim() {
    }

    public static Pattern of(String quote) {
        return Pattern.compile(SPACE.splitAsStream(quote.strip()).map(Pattern::quote).collect(Collectors.joining("\\s+")));
    }
}

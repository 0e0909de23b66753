package app.segmenta.aspects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Complaint cues per aspect (see {@code aspects/cues.tsv}): hand-written patterns the detectors weigh as features,
 * for the wordings an embedding of a whole passage tends to blur ("wasted money on shipping").
 */
public final class Cues {

    static final String RESOURCE = "aspects/cues.tsv";
    static final String NEGATIVE = "negative";

    private final Map<String, List<Pattern>> patterns;
    private final String source;

    private Cues(Map<String, List<Pattern>> patterns, String source) {
        this.patterns = patterns;
        this.source = source;
    }

    public static Cues shipped() {
        try (InputStream in = Cues.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing from the build: " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Cues parse(String text) {
        Map<String, List<Pattern>> out = new HashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int tab = lines[i].indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": expected 'aspect<TAB>pattern'");
            }
            out.computeIfAbsent(lines[i].substring(0, tab).strip(), k -> new ArrayList<>())
                    .add(Pattern.compile(lines[i].substring(tab + 1).strip(), Pattern.CASE_INSENSITIVE));
        }
        return new Cues(out, text);
    }

    /** How many of the aspect's cue patterns occur in the passage. */
    public int count(String aspect, String passage) {
        int n = 0;
        for (Pattern p : patterns.getOrDefault(aspect, List.of())) {
            if (p.matcher(passage).find()) {
                n++;
            }
        }
        return n;
    }

    public boolean negative(String passage) {
        return count(NEGATIVE, passage) > 0;
    }

    /** The cue file as read, for the models' fingerprint. */
    String source() {
        return source;
    }
}

package app.segmenta.assistant.planner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The planner's phrase cues (src/main/resources/assistant/cues.tsv), beyond the ontology's labels and synonyms. */
record Cues(List<Cue> cues) {

    static final String RESOURCE = "assistant/cues.tsv";

    enum Kind { CATEGORY, ASPECT, POLARITY, IGNORE }

    /** @param polarity negative or positive when the phrase says how the customer felt; null otherwise */
    record Cue(Kind kind, String name, String polarity, Pattern pattern) {
    }

    /** A cue found in a question, with where. */
    record Hit(Cue cue, int start, int end) {
    }

    static Cues shipped() {
        try (InputStream in = Cues.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Cues parse(String text) {
        List<Cue> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 3);
            if (f.length != 3) {
                throw new IllegalStateException("Bad line in " + RESOURCE + ": " + line);
            }
            Kind kind = Kind.valueOf(f[0].trim().toUpperCase(java.util.Locale.ROOT));
            String[] nameAndPolarity = f[1].trim().split(":", 2);
            String polarity = kind == Kind.POLARITY ? nameAndPolarity[0] : nameAndPolarity.length > 1 ? nameAndPolarity[1] : null;
            out.add(new Cue(kind, nameAndPolarity[0], polarity, Pattern.compile(f[2].trim(), Pattern.CASE_INSENSITIVE)));
        }
        return new Cues(List.copyOf(out));
    }

    List<Hit> find(Kind kind, String text) {
        List<Hit> hits = new ArrayList<>();
        for (Cue c : cues) {
            if (c.kind() == kind) {
                Matcher m = c.pattern().matcher(text);
                while (m.find()) {
                    hits.add(new Hit(c, m.start(), m.end()));
                }
            }
        }
        return hits;
    }
}

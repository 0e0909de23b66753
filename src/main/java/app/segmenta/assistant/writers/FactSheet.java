package app.segmenta.assistant.writers;

import app.segmenta.assistant.Numbers;
import app.segmenta.segmentation.Segment;
import app.segmenta.segmentation.Segmentation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The facts a writer may use, as the data block of its prompt, with what a draft may cite: the numbers in the facts
 * (review text excluded) and the representative reviews under short ids. The facts are JSON in which {@code <},
 * {@code >} and {@code &} are escaped, so review text cannot close the data block or open a fake one.
 *
 * @param data    the user message: the facts between {@code <data>} and {@code </data>}
 * @param numbers the numbers the facts state, normalised (see {@link app.segmenta.assistant.Numbers#normal})
 * @param quotes  short id ("q1") → the representative review it stands for
 */
record FactSheet(String data, Set<String> numbers, Map<String, Segment.Quote> quotes) {

    private static final int TOP = 5;

    /** @param json from {@link #inert} */
    static FactSheet persona(Segmentation s, Segment seg, Object audience, ObjectMapper json) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("audience", audience);
        facts.put("segment", seg.number());
        facts.put("segmentsInSegmentation", s.segments().size());
        facts.put("customers", seg.size());
        facts.put("shareOfAudience", percent(seg.share()));
        facts.put("categories", lifts(seg.categories(), "category", TOP));
        facts.put("complaints", lifts(polar(seg.aspects(), "negative"), "aspect", TOP));
        facts.put("praise", lifts(polar(seg.aspects(), "positive"), "aspect", TOP));
        if (seg.ratings().mean() != null) {
            facts.put("meanStars", String.format(Locale.ROOT, "%.1f", seg.ratings().mean()));
            facts.put("reviews", seg.ratings().reviews());
        }
        if (seg.demographics() != null) {
            facts.put("customersByAgeBand", seg.demographics().ageBands());
            facts.put("customersByRegion", seg.demographics().regions());
        }
        facts.put("distinctiveWords", seg.terms().subList(0, Math.min(10, seg.terms().size())));
        Set<String> numbers = Numbers.in(write(json, facts));
        Map<String, Segment.Quote> quotes = new LinkedHashMap<>();
        List<Map<String, String>> reviews = new ArrayList<>();
        for (Segment.Quote q : seg.quotes()) {
            String id = "q" + (quotes.size() + 1);
            quotes.put(id, q);
            reviews.add(Map.of("id", id, "text", q.text()));
        }
        facts.put("representativeReviews", reviews);
        return new FactSheet(block(write(json, facts)), numbers, quotes);
    }

    /** @param json from {@link #inert} */
    static FactSheet labels(Segmentation s, Object audience, ObjectMapper json) {
        List<Map<String, Object>> segments = new ArrayList<>();
        for (Segment seg : s.segments()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("segment", seg.number());
            f.put("customers", seg.size());
            f.put("shareOfAudience", percent(seg.share()));
            f.put("categories", lifts(seg.categories(), "category", 3));
            f.put("complaints", lifts(polar(seg.aspects(), "negative"), "aspect", 2));
            f.put("praise", lifts(polar(seg.aspects(), "positive"), "aspect", 2));
            if (seg.ratings().mean() != null) {
                f.put("meanStars", String.format(Locale.ROOT, "%.1f", seg.ratings().mean()));
            }
            f.put("distinctiveWords", seg.terms().subList(0, Math.min(6, seg.terms().size())));
            segments.add(f);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("audience", audience);
        facts.put("segments", segments);
        String text = write(json, facts);
        return new FactSheet(block(text), Numbers.in(text), Map.of());
    }

    private static List<Segment.Lift> polar(List<Segment.Lift> aspects, String polarity) {
        return aspects.stream().filter(a -> polarity.equals(a.polarity())).toList();
    }

    private static List<Map<String, String>> lifts(List<Segment.Lift> lifts, String key, int top) {
        return lifts.stream().limit(top).map(l -> Map.of(key, l.label(), "share", percent(l.share()),
                "timesTheAudience", String.format(Locale.ROOT, "%.1f", l.lift()))).toList();
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String block(String facts) {
        return "<data>\n" + facts + "\n</data>";
    }

    /** A copy of the app's mapper that writes markup characters as escapes: what every fact sheet is written with. */
    static ObjectMapper inert(ObjectMapper json) {
        ObjectMapper inert = json.copy();
        inert.getFactory().setCharacterEscapes(new Inert());
        return inert;
    }

    /** @param json from {@link #inert} */
    private static String write(ObjectMapper json, Object facts) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Escapes markup characters as JSON unicode escapes: the text means the same, but no tag can form. */
    private static final class Inert extends CharacterEscapes {
        private final int[] escapes = standardAsciiEscapesForJSON();

        Inert() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}

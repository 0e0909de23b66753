package app.segmenta.assistant.writers;

import app.segmenta.assistant.Numbers;
import app.segmenta.assistant.Verbatim;
import app.segmenta.segmentation.Persona;
import app.segmenta.segmentation.Segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds a model's draft to the facts it was given. A number must be one the facts state; a quote must be found,
 * word for word, in the stored review it cites (whitespace aside) and is then shown as stored. What fails is
 * dropped, and a field left empty falls back to the template's words; every change is listed in the persona's
 * corrections, so a reader sees what the model got wrong.
 */
final class Grounding {

    static final int MAX_ITEMS = 3;
    static final int MAX_LABEL = 60;
    private static final int MAX_ITEM = 300;
    private static final int MIN_QUOTE = 8;
    private static final Pattern QUOTE_MARKS = Pattern.compile("^[\\s\"'“”‘’«»]+|[\\s\"'“”‘’«»]+$|(?:\\.\\.\\.|…)$");

    private Grounding() {
    }

    /**
     * @param stored   review IRI → the review's stored text
     * @param template the template persona of the same segment, for fields the draft cannot fill
     */
    static Persona persona(Drafts.Persona d, FactSheet facts, Map<String, String> stored, Persona template, String writer) {
        List<String> corrections = new ArrayList<>();
        String name = field("name", d.name(), facts, template.name(), 80, corrections);
        String who = field("who", d.who(), facts, template.who(), MAX_ITEM * 2, corrections);
        List<String> goals = list("goals", d.goals(), facts, template.goals(), corrections);
        List<String> frustrations = list("frustrations", d.frustrations(), facts, template.frustrations(), corrections);
        List<String> messaging = list("messaging", d.messaging(), facts, template.messaging(), corrections);
        List<String> channels = list("channels", d.channels(), facts, template.channels(), corrections);
        List<Segment.Quote> quotes = quotes(d.quotes(), facts, stored, corrections);
        if (quotes.isEmpty()) {
            quotes = template.quotes();
            if (!d.quotes().isEmpty()) {
                corrections.add("quotes: none could be verified, so representative reviews are quoted instead");
            }
        }
        return new Persona(name, who, goals, frustrations, messaging, channels, quotes, writer, corrections);
    }

    private static String field(String what, String text, FactSheet facts, String fallback, int max, List<String> corrections) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            corrections.add(what + ": the model left it empty; the template's words are used");
            return fallback;
        }
        List<String> bad = Numbers.notIn(t, facts.numbers());
        if (!bad.isEmpty()) {
            corrections.add(what + ": " + String.join(", ", bad) + " is not in the facts; the template's words are used");
            return fallback;
        }
        if (t.length() > max) {
            corrections.add(what + ": too long; the template's words are used");
            return fallback;
        }
        return t;
    }

    private static List<String> list(String what, List<String> items, FactSheet facts, List<String> fallback,
                                     List<String> corrections) {
        List<String> out = new ArrayList<>();
        for (String item : items) {
            String t = item == null ? "" : item.strip();
            if (t.isEmpty() || out.size() == MAX_ITEMS) {
                continue;
            }
            List<String> bad = Numbers.notIn(t, facts.numbers());
            if (!bad.isEmpty()) {
                corrections.add(what + ": dropped \"" + t + "\" (" + String.join(", ", bad) + " is not in the facts)");
            } else if (t.length() > MAX_ITEM) {
                corrections.add(what + ": dropped an item too long to be one point");
            } else {
                out.add(t);
            }
        }
        return out.isEmpty() ? fallback : out;
    }

    private static List<Segment.Quote> quotes(List<Drafts.Quote> drafts, FactSheet facts, Map<String, String> stored,
                                              List<String> corrections) {
        List<Segment.Quote> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Drafts.Quote q : drafts) {
            if (q == null || q.text() == null || out.size() == MAX_ITEMS) {
                continue;
            }
            String text = QUOTE_MARKS.matcher(q.text().strip()).replaceAll("");
            String cited = q.review() == null ? "" : q.review().strip();
            Segment.Quote found = null;
            if (text.length() >= MIN_QUOTE) {
                found = verbatim(text, facts.quotes().get(cited), stored);
                for (var e : facts.quotes().entrySet()) {
                    if (found != null) {
                        break;
                    }
                    found = verbatim(text, e.getValue(), stored);
                    if (found != null) {
                        corrections.add("quotes: \"" + shorten(text) + "\" cites " + cited + " but is from " + e.getKey());
                    }
                }
            }
            if (found == null) {
                corrections.add("quotes: removed \"" + shorten(text) + "\", not found in the stored reviews");
            } else if (seen.add(found.reviewId() + "\n" + found.text())) {
                out.add(found);
            }
        }
        return out;
    }

    /** The quote as the stored review has it, or null when the review does not contain it word for word. */
    private static Segment.Quote verbatim(String text, Segment.Quote review, Map<String, String> stored) {
        if (review == null || !stored.containsKey(review.reviewId())) {
            return null;
        }
        Matcher m = Verbatim.of(text).matcher(stored.get(review.reviewId()));
        return m.find() ? new Segment.Quote(review.reviewId(), review.customerId(), review.source(), review.sourceRow(),
                m.group()) : null;
    }

    /**
     * One label per segment, distinct within the segmentation: a model label that is empty, too long, has a number
     * or repeats another segment's is replaced by the template label (made distinct in turn).
     *
     * @param corrections filled with segment number → what was changed
     */
    static Map<Integer, String> labels(Drafts.Labels d, List<Segment> segments, Map<Integer, List<String>> corrections) {
        Map<Integer, String> drafts = new HashMap<>();
        for (Drafts.Label l : d.labels()) {
            if (l != null && l.segment() != null && l.label() != null) {
                drafts.putIfAbsent(l.segment(), l.label().strip());
            }
        }
        Set<String> used = new HashSet<>();
        Map<Integer, String> out = new HashMap<>();
        for (Segment s : segments) {
            String label = drafts.get(s.number());
            String problem = label == null || label.isEmpty() ? "the model gave none"
                    : label.length() > MAX_LABEL ? "the model's was too long"
                    : !Numbers.in(label).isEmpty() ? "the model's had a number"
                    : used.contains(key(label)) ? "the model's \"" + label + "\" repeats another segment's" : null;
            if (problem != null) {
                label = s.label();
                for (int n = 2; used.contains(key(label)); n++) {
                    label = s.label() + " (" + n + ")";
                }
                corrections.computeIfAbsent(s.number(), n -> new ArrayList<>()).add("label: " + problem + "; the template label is used");
            }
            used.add(key(label));
            out.put(s.number(), label);
        }
        return out;
    }

    private static String key(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}

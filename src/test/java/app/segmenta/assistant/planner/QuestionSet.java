package app.segmenta.assistant.planner;

import app.segmenta.assistant.Criteria;
import app.segmenta.assistant.Reading;
import app.segmenta.catalog.ConceptRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The marketer question set (src/test/resources/assistant/questions.json): each question with the conversation
 * before it and the reading it should get, written apart from the planner. Shared by the planner's accuracy test
 * and the live model evaluation.
 */
public record QuestionSet(LocalDate today, List<Question> questions) {

    public record Question(int id, List<String> after, String question, JsonNode expect) {
    }

    /** The development set: the planner's rules were written while reading its misses. */
    public static final String DEVELOPMENT = "/assistant/questions.json";
    /** Written afterwards by someone who had not seen the planner; its misses are not fixed one by one. */
    public static final String HELD_OUT = "/assistant/questions-holdout.json";

    public static QuestionSet load(String resource) throws IOException {
        try (InputStream in = QuestionSet.class.getResourceAsStream(resource)) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Question> out = new ArrayList<>();
            for (JsonNode q : root.get("questions")) {
                List<String> after = new ArrayList<>();
                if (q.has("after")) {
                    q.get("after").forEach(a -> after.add(a.asText()));
                }
                out.add(new Question(q.get("id").asInt(), after, q.get("question").asText(), q.get("expect")));
            }
            return new QuestionSet(LocalDate.parse(root.get("today").asText()), out);
        }
    }

    /** The reading in the fixture's terms: concept local names, whole-star numbers, ISO dates; absent keys left out. */
    public static Map<String, Object> comparable(Reading r) {
        Map<String, Object> out = new TreeMap<>();
        out.put("intent", r.intent().word());
        out.putAll(criteria(r.criteria()));
        if (r.compareWith() != null) {
            out.put("compareWith", criteria(r.compareWith()));
        }
        put(out, "k", r.k());
        put(out, "algorithm", r.algorithm());
        put(out, "customer", r.customer());
        put(out, "segment", r.segment());
        put(out, "format", r.format());
        return out;
    }

    private static Map<String, Object> criteria(Criteria c) {
        Map<String, Object> out = new TreeMap<>();
        if (!c.categories().isEmpty()) {
            out.put("categories", names(c.categories()));
        }
        if (!c.aspects().isEmpty()) {
            out.put("aspects", names(c.aspects()));
        }
        put(out, "polarity", c.polarity());
        put(out, "minRating", c.minRating() == null ? null : c.minRating().intValue());
        put(out, "maxRating", c.maxRating() == null ? null : c.maxRating().intValue());
        put(out, "from", c.from() == null ? null : c.from().toString());
        put(out, "to", c.to() == null ? null : c.to().toString());
        if (c.text() != null) {
            out.put("text", true);
        }
        return out;
    }

    public static Map<String, Object> expected(JsonNode expect) {
        Map<String, Object> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = expect.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            if (v.isArray()) {
                if (!v.isEmpty()) {
                    TreeSet<String> names = new TreeSet<>();
                    v.forEach(x -> names.add(x.asText()));
                    out.put(f.getKey(), names);
                }
            } else if (v.isObject()) {
                out.put(f.getKey(), expected(v));
            } else if (v.isInt()) {
                out.put(f.getKey(), v.asInt());
            } else if (v.isBoolean()) {
                out.put(f.getKey(), v.asBoolean());
            } else if (!v.isNull()) {
                out.put(f.getKey(), v.asText());
            }
        }
        return out;
    }

    private static TreeSet<String> names(List<ConceptRef> refs) {
        TreeSet<String> out = new TreeSet<>();
        refs.forEach(r -> out.add(r.iri().substring(Math.max(r.iri().lastIndexOf('/'), r.iri().lastIndexOf('#')) + 1)));
        return out;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}

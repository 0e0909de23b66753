package app.segmenta.assistant;

import app.segmenta.catalog.CatalogService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds the model's own words to what its tools returned. A quotation in the answer must be found in a review the
 * tools returned (or in the question); one that is not is removed. A number must be one the tools returned (a share
 * may appear as a percentage) or one in the question; others are named in the answer's notice, since a sentence
 * cannot be rewritten safely.
 */
@ApplicationScoped
public class AnswerCheck {

    static final String REMOVED = "[a quotation not found in the reviews was removed]";
    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"“”\\n]{12,600})[\"”]");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** @param warnings what the check found, for the answer's notice */
    public record Checked(String words, List<String> warnings) {
    }

    private final ObjectMapper json;
    private final CatalogService catalog;

    public AnswerCheck(ObjectMapper json, CatalogService catalog) {
        this.json = json;
        this.catalog = catalog;
    }

    Checked check(String words, String question, List<Object> results) {
        if (words == null || words.isBlank()) {
            return new Checked(words, List.of());
        }
        JsonNode tree = json.valueToTree(results);
        List<String> texts = new ArrayList<>();
        Set<String> reviews = new HashSet<>();
        Set<String> numbers = new HashSet<>(Numbers.in(question));
        collect(tree, texts, reviews, numbers);
        texts.addAll(catalog.reviewTexts(reviews).values());
        texts.add(question);

        List<String> warnings = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        Matcher m = QUOTED.matcher(words);
        while (m.find()) {
            String quote = SPACE.matcher(m.group(1)).replaceAll(" ").replaceAll("(\\.\\.\\.|…)$", "").strip();
            Pattern verbatim = Verbatim.of(quote);
            boolean quotation = quote.split(" ").length >= 3;
            if (quotation && texts.stream().noneMatch(t -> verbatim.matcher(t).find())) {
                m.appendReplacement(out, Matcher.quoteReplacement(REMOVED));
                warnings.add("The model quoted \"" + shorten(quote) + "\", which no review contains; it was removed.");
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            }
        }
        m.appendTail(out);
        String checked = out.toString();
        List<String> unsupported = Numbers.notIn(checked.replace(REMOVED, ""), numbers);
        if (!unsupported.isEmpty()) {
            warnings.add("The model's text mentions " + String.join(", ", unsupported)
                    + ", which no tool returned: rely on the figures in the results.");
        }
        return new Checked(checked, warnings);
    }

    private static void collect(JsonNode node, List<String> texts, Set<String> reviews, Set<String> numbers) {
        if (node.isTextual()) {
            texts.add(node.asText());
            numbers.addAll(Numbers.in(node.asText()));
        } else if (node.isNumber()) {
            BigDecimal v = node.decimalValue();
            numbers.add(Numbers.normal(v.toPlainString()));
            if (v.signum() > 0 && v.compareTo(BigDecimal.ONE) < 0 && v.scale() > 0) {
                BigDecimal percent = v.movePointRight(2);
                numbers.add(Numbers.normal(percent.setScale(0, RoundingMode.HALF_UP).toPlainString()));
                numbers.add(Numbers.normal(percent.setScale(1, RoundingMode.HALF_UP).toPlainString()));
            }
        } else {
            node.properties().forEach(e -> {
                if (e.getKey().equals("reviewId") && e.getValue().isTextual()) {
                    reviews.add(e.getValue().asText());
                }
            });
            node.forEach(child -> collect(child, texts, reviews, numbers));
        }
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}

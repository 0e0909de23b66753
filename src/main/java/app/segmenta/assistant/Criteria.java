package app.segmenta.assistant;

import app.segmenta.audience.Audience;
import app.segmenta.audience.AudienceQuery;
import app.segmenta.catalog.ConceptRef;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who an audience is, as read from a question: concepts already resolved, so the reading can be shown and
 * corrected before anything runs.
 *
 * @param polarity negative or positive; null = any
 * @param text     a meaning to search review passages for, when the question asks for one no concept names
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Criteria(List<ConceptRef> categories, List<ConceptRef> aspects, String polarity, String text,
                       BigDecimal minRating, BigDecimal maxRating, LocalDate from, LocalDate to,
                       Map<String, String> attributes) {

    public static final Criteria EVERYONE = new Criteria(List.of(), List.of(), null, null, null, null, null, null, Map.of());

    public Criteria {
        categories = categories == null ? List.of() : List.copyOf(categories);
        aspects = aspects == null ? List.of() : List.copyOf(aspects);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** What a query found: the concepts as resolved, the limits as asked. */
    public static Criteria of(AudienceQuery q, Audience.Interpretation resolved) {
        return new Criteria(resolved.categories(), resolved.aspects(),
                "any".equals(resolved.polarity()) ? null : resolved.polarity(), q.text(), q.minRating(), q.maxRating(),
                q.from(), q.to(), q.attributes());
    }

    public boolean namesSubject() {
        return !categories.isEmpty() || !aspects.isEmpty() || text != null;
    }

    /** The audience query that finds these customers; concepts travel as their IRIs. */
    public AudienceQuery toQuery() {
        return new AudienceQuery(iris(categories), iris(aspects), polarity, text, minRating, maxRating, from, to, attributes);
    }

    private static String iris(List<ConceptRef> refs) {
        return refs.isEmpty() ? null : refs.stream().map(ConceptRef::iri).collect(Collectors.joining(" "));
    }

    public Criteria withCategories(List<ConceptRef> c) {
        return new Criteria(c, aspects, polarity, text, minRating, maxRating, from, to, attributes);
    }

    public Criteria withAspects(List<ConceptRef> a, String p) {
        return new Criteria(categories, a, p, text, minRating, maxRating, from, to, attributes);
    }

    public Criteria withText(String t) {
        return new Criteria(categories, aspects, polarity, t, minRating, maxRating, from, to, attributes);
    }

    public Criteria withRatings(BigDecimal min, BigDecimal max) {
        return new Criteria(categories, aspects, polarity, text, min, max, from, to, attributes);
    }

    public Criteria withDates(LocalDate f, LocalDate t) {
        return new Criteria(categories, aspects, polarity, text, minRating, maxRating, f, t, attributes);
    }
}

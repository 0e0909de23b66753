package app.segmenta.audience;

import app.segmenta.catalog.ConceptRef;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/** An audience and how the question was read; counts are computed here, never by a model. */
public record Audience(Interpretation interpretation, Members audience) {

    /** What the question was taken to mean, shown before the results so a wrong reading is visible. */
    @JsonPropertyOrder({"categories", "aspects", "polarity", "filters"})
    public record Interpretation(List<ConceptRef> categories, List<ConceptRef> aspects, String polarity,
                                 Map<String, Object> filters) {
    }

    public record Members(long customers, long reviews, List<Item> items) {
    }

    /**
     * One matching review.
     *
     * @param score similarity of its best passage to the meaning asked for (1.0 when none was asked for)
     * @param why   in words: the category it was found under, and the matched passage, quoted verbatim
     */
    public record Item(String reviewId, String customerId, String source, long sourceRow, double score, String why) {
    }
}

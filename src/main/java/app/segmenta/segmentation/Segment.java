package app.segmenta.segmentation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * One segment and the facts that explain it, all computed from the data (the label and description are
 * templates over these facts until a writer improves the words).
 *
 * @param share      of the audience's customers, unassigned ones included
 * @param customers  member ids, those placed later included
 * @param addedLater customers who arrived after the segmentation and joined the nearest segment
 * @param terms      words that set the segment's reviews apart (class-based TF-IDF against the other segments)
 * @param categories over-represented categories, most over-represented first
 * @param aspects    over-represented complaints and praise
 * @param quotes     representative reviews, close to the segment's centre and unlike each other, quoted verbatim
 * @param persona    the segment as a person, written from these facts (absent until a writer runs)
 */
@JsonPropertyOrder({"id", "number", "label", "description", "size", "share"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Segment(String id, int number, String label, String description, int size, double share,
                      List<String> customers, List<String> addedLater, List<String> terms, List<Lift> categories,
                      List<Lift> aspects, Ratings ratings, Demographics demographics, List<Quote> quotes,
                      Persona persona) {

    /**
     * A category or aspect more common in the segment than in the audience.
     *
     * @param polarity negative or positive for an aspect; absent for a category
     * @param share    of the segment's customers
     * @param lift     that share over the audience's share
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lift(String iri, String label, String polarity, double share, double lift) {
    }

    /** @param distribution stars (rounded) → reviews of the segment */
    public record Ratings(Double mean, int reviews, Map<String, Integer> distribution) {
    }

    /** Counts of members by age band and by region, where the data has them (absent otherwise). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Demographics(Map<String, Integer> ageBands, Map<String, Integer> regions) {
        public Demographics {
            ageBands = ageBands == null ? Map.of() : ageBands;
            regions = regions == null ? Map.of() : regions;
        }
    }

    /** A verbatim excerpt of a stored review (whole sentences from its start), with where it came from. */
    public record Quote(String reviewId, String customerId, String source, long sourceRow, String text) {
    }

    public Segment withWords(String newLabel, String newDescription, Persona newPersona) {
        return new Segment(id, number, newLabel, newDescription, size, share, customers, addedLater, terms, categories,
                aspects, ratings, demographics, quotes, newPersona);
    }

    public Segment withMembers(List<String> allCustomers, List<String> added, double newShare) {
        return new Segment(id, number, label, description, allCustomers.size(), newShare, allCustomers, added, terms,
                categories, aspects, ratings, demographics, quotes, persona);
    }

    /** The same segment without its member ids (its size stays): for views that show segments, not members. */
    public Segment withoutMemberList() {
        return new Segment(id, number, label, description, size, share, null, addedLater, terms, categories, aspects,
                ratings, demographics, quotes, persona);
    }
}

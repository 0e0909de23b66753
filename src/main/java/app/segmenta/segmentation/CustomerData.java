package app.segmenta.segmentation;

import java.util.List;
import java.util.Map;

/**
 * What segmentation knows of one customer of an audience; the features are computed from this.
 *
 * @param iri          the customer's node in the graph
 * @param reviews      the customer's reviews that are in the audience (quotes and terms come from these)
 * @param meaning      unit-length mean of the embeddings of all the customer's reviews; null when none is embedded yet
 * @param categories   top- and second-level category IRI → share of the customer's reviews under it
 * @param aspects      {@link #aspectKey} → share of the customer's reviews that complain about or praise the aspect
 * @param ratingMean   NaN when no review has a rating
 * @param recencyDays  days from the customer's latest review to the latest review of the audience; NaN without dates
 * @param age          null when unknown
 * @param region       null when unknown
 */
public record CustomerData(String id, String iri, List<String> reviews, float[] meaning, Map<String, Double> categories,
                           Map<String, Double> aspects, double ratingMean, double ratingSpread, int reviewCount,
                           double recencyDays, Double age, String region) {

    public static String aspectKey(String aspectIri, String polarityWord) {
        return aspectIri + " " + polarityWord;
    }
}

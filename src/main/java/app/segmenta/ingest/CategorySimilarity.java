package app.segmenta.ingest;

import app.segmenta.catalog.Concept;

import java.util.Optional;

/** Finds the category concept nearest in meaning to a source label no exact or synonym match knows. */
public interface CategorySimilarity {

    CategorySimilarity NONE = label -> Optional.empty();

    /**
     * @param label   the source label as a person would read it ("Duvets (Bedding)")
     * @return the nearest concept, when it is close enough to be worth mapping
     */
    Optional<Match> nearest(String label);

    /** @param score cosine similarity between the label and the concept name it came closest to */
    record Match(Concept concept, double score, String nearestName) {
    }
}

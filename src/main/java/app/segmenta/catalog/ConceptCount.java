package app.segmenta.catalog;

import java.util.List;

/** A concept of the category tree with how many reviews and customers fall under it, descendants included. */
public record ConceptCount(String iri, String label, List<String> broader, long reviews, long customers) {
}

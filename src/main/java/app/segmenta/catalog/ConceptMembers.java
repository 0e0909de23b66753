package app.segmenta.catalog;

import java.util.List;
import java.util.Set;

/** Who and what falls under a set of concepts (descendants included); ids are IRIs. */
public record ConceptMembers(List<ConceptRef> concepts, Set<String> reviews, Set<String> customers, Set<String> products) {
}

package app.segmenta.catalog;

/** A concept as results show it: its IRI and preferred label. */
public record ConceptRef(String iri, String label) {
    public static ConceptRef of(Concept c) {
        return new ConceptRef(c.iri(), c.label());
    }
}

package app.segmenta.catalog;

/** A concept IRI that is in neither the category nor the aspect scheme. */
public class UnknownConceptException extends IllegalArgumentException {
    public UnknownConceptException(String iri) {
        super("No concept " + iri + " in the ontology; list them with 'segmenta categories'.");
    }
}

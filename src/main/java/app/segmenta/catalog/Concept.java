package app.segmenta.catalog;

import java.util.List;

/**
 * A SKOS concept of the category or aspect scheme.
 *
 * @param broader the IRIs of its direct parents (empty for a top concept)
 * @param depth   0 for a top concept
 */
public record Concept(String iri, String label, Scheme scheme, List<String> broader, List<String> altLabels,
                      String definition, int depth) {

    public enum Scheme {
        CATEGORIES(Vocab.CATEGORY_SCHEME.getURI()),
        ASPECTS(Vocab.ASPECT_SCHEME.getURI());

        private final String iri;

        Scheme(String iri) {
            this.iri = iri;
        }

        public String iri() {
            return iri;
        }
    }
}

package app.segmenta.catalog;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RiotException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OntologyTest {

    private static final Path DIR = Path.of("ontology");

    @Test
    void everyOntologyFileIsShippedAndParsesStrictly() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(DIR)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ttl")).sorted().toList();
        }
        assertThat(Ontology.FILES).containsExactlyInAnyOrderElementsOf(onDisk);
        for (String file : onDisk) {
            Model m = ModelFactory.createDefaultModel();
            Ontology.parseStrict(m, Files.readString(DIR.resolve(file)), file);
            assertThat(m.size()).as(file).isPositive();
        }
    }

    @Test
    void parseErrorsAreFailures() {
        assertThatThrownBy(() -> Ontology.parseStrict(ModelFactory.createDefaultModel(),
                "@prefix x: <urn:x#> . x:a x:b ", "broken.ttl")).isInstanceOf(RiotException.class);
    }

    @Test
    void shippedSchemesPassEveryCheck() {
        assertThat(OntologyChecks.violations(Ontology.shipped().model())).isEmpty();
    }

    @Test
    void checksCatchMissingLabelsCyclesOrphansAndDuplicates() {
        Model bad = ModelFactory.createDefaultModel();
        Ontology.parseStrict(bad, """
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                @prefix cat: <https://segmenta.app/ns/category/> .
                cat:top skos:inScheme cat:scheme ; skos:topConceptOf cat:scheme ; skos:prefLabel "Top"@en ; skos:definition "d"@en .
                cat:nolabel skos:inScheme cat:scheme ; skos:broader cat:top ; skos:definition "d"@en .
                cat:a skos:inScheme cat:scheme ; skos:broader cat:b ; skos:prefLabel "A"@en ; skos:definition "d"@en .
                cat:b skos:inScheme cat:scheme ; skos:broader cat:a ; skos:prefLabel "B"@en ; skos:definition "d"@en .
                cat:orphan skos:inScheme cat:scheme ; skos:prefLabel "Orphan"@en ; skos:definition "d"@en .
                cat:dup skos:inScheme cat:scheme ; skos:broader cat:top ; skos:prefLabel "top"@en ; skos:definition "d"@en .
                """, "bad.ttl");
        assertThat(String.join("\n", OntologyChecks.violations(bad)))
                .contains("nolabel has no prefLabel")
                .contains("skos:broader cycle")
                .contains("not reachable from a top concept")
                .contains("label 'top' names both");
    }

    @Test
    void taxonomyCoversTheDepartmentsOfTheSharedData() {
        ConceptIndex index = new ConceptIndex();
        List<String> tops = index.concepts(Concept.Scheme.CATEGORIES).stream().filter(c -> c.depth() == 0)
                .map(Concept::label).toList();
        assertThat(tops).contains("Baby", "Apparel", "Household & cleaning", "Personal care & beauty", "Health",
                "Food & grocery", "Home & kitchen", "Home appliances", "Electronics", "Movies, music & books", "Office",
                "Outdoor", "Pets", "Toys & games");
        assertThat(index.concepts(Concept.Scheme.ASPECTS).stream().map(Concept::label)).contains("Shipping & delivery",
                "Packaging", "Price & value", "Quality & durability", "Size & fit", "Comfort", "Ease of use", "Scent",
                "Taste", "Effectiveness", "Safety", "Customer service", "Returns & refunds", "Appearance");
        Concept baby = index.matchLabel(Concept.Scheme.CATEGORIES, "Baby").orElseThrow();
        assertThat(index.withDescendants(baby.iri()).size()).isGreaterThanOrEqualTo(8);
        for (String synonym : List.of("infant", "nursery", "kids' stuff")) {
            assertThat(index.matchLabel(Concept.Scheme.CATEGORIES, synonym)).as(synonym).contains(baby);
        }
    }
}

package app.segmenta.aspects;

import app.segmenta.catalog.Ontology;
import app.segmenta.catalog.Vocab;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

import java.util.Comparator;
import java.util.List;

/** The aspects of the shipped ontology, read once, in a stable order. */
public final class AspectScheme {

    private AspectScheme() {
    }

    public static List<AspectDefinition> shipped() {
        return of(Ontology.shipped().model());
    }

    static List<AspectDefinition> of(Model model) {
        Property complaint = model.createProperty(Vocab.CORE + "complaintExample");
        Property praise = model.createProperty(Vocab.CORE + "praiseExample");
        Resource aspectClass = model.createResource(Vocab.CORE + "AspectConcept");
        return model.listResourcesWithProperty(RDF.type, aspectClass).toList().stream()
                .map(r -> new AspectDefinition(r.getURI(), r.getURI().substring(Vocab.ASPECT.length()),
                        r.getRequiredProperty(SKOS.prefLabel).getString(), strings(r, complaint), strings(r, praise)))
                .sorted(Comparator.comparing(AspectDefinition::name))
                .toList();
    }

    private static List<String> strings(Resource r, Property p) {
        return r.listProperties(p).mapWith(Statement::getString).toList().stream().sorted().toList();
    }
}

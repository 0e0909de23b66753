package app.segmenta.catalog;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.SKOS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules every concept scheme we ship must keep; returns one line per violation. */
final class OntologyChecks {
    private OntologyChecks() {
    }

    static List<String> violations(Model model) {
        List<String> out = new ArrayList<>();
        Set<Resource> schemes = new HashSet<>();
        model.listObjectsOfProperty(SKOS.inScheme).forEachRemaining(n -> schemes.add(n.asResource()));
        for (Resource scheme : schemes) {
            List<Resource> concepts = model.listSubjectsWithProperty(SKOS.inScheme, scheme).toList();
            Map<String, String> labelOwner = new HashMap<>();
            Set<String> prefLabels = new HashSet<>();
            for (Resource c : concepts) {
                String name = c.getLocalName();
                List<RDFNode> prefs = model.listObjectsOfProperty(c, SKOS.prefLabel).toList();
                if (prefs.size() != 1) {
                    out.add(name + " has no prefLabel" + (prefs.isEmpty() ? "" : " (it has " + prefs.size() + ")"));
                } else if (!prefLabels.add(Labels.normalize(prefs.getFirst().asLiteral().getLexicalForm()))) {
                    out.add(name + " repeats the prefLabel '" + prefs.getFirst().asLiteral().getLexicalForm() + "'");
                }
                if (!c.hasProperty(SKOS.definition)) {
                    out.add(name + " has no definition");
                }
                for (var p : List.of(SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)) {
                    model.listObjectsOfProperty(c, p).forEachRemaining(l -> {
                        String label = Labels.normalize(l.asLiteral().getLexicalForm());
                        String owner = labelOwner.putIfAbsent(label, name);
                        if (owner != null && !owner.equals(name)) {
                            out.add("label '" + label + "' names both " + owner + " and " + name);
                        }
                    });
                }
                if (reachesCycle(c, new HashSet<>())) {
                    out.add(name + " is on a skos:broader cycle");
                } else if (!reachesTop(c, scheme)) {
                    out.add(name + " is not reachable from a top concept");
                }
            }
        }
        return out;
    }

    private static boolean reachesCycle(Resource c, Set<Resource> path) {
        if (!path.add(c)) {
            return true;
        }
        for (RDFNode p : c.getModel().listObjectsOfProperty(c, SKOS.broader).toList()) {
            if (reachesCycle(p.asResource(), new HashSet<>(path))) {
                return true;
            }
        }
        return false;
    }

    private static boolean reachesTop(Resource c, Resource scheme) {
        if (c.hasProperty(SKOS.topConceptOf, scheme)) {
            return true;
        }
        return c.getModel().listObjectsOfProperty(c, SKOS.broader).toList().stream()
                .anyMatch(p -> reachesTop(p.asResource(), scheme));
    }
}

package app.segmenta.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.SKOS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The category and aspect schemes held in memory for label matching and tree walks. Built from the shipped
 * ontology, which is also what every store holds (see {@link GraphStore}).
 */
@ApplicationScoped
public class ConceptIndex {

    private static final int LONGEST_LABEL_TOKENS = 8;

    private final Map<String, Concept> byIri = new LinkedHashMap<>();
    private final Map<Concept.Scheme, Map<String, Concept>> byLabel = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, Set<String>> ancestors = new java.util.concurrent.ConcurrentHashMap<>();

    public ConceptIndex() {
        this(Ontology.shipped().model());
    }

    public ConceptIndex(Model model) {
        Map<String, Resource> resources = new LinkedHashMap<>();
        Map<String, Concept.Scheme> schemes = new HashMap<>();
        for (Concept.Scheme scheme : Concept.Scheme.values()) {
            byLabel.put(scheme, new HashMap<>());
            model.listSubjectsWithProperty(SKOS.inScheme, model.createResource(scheme.iri())).forEachRemaining(r -> {
                resources.put(r.getURI(), r);
                schemes.put(r.getURI(), scheme);
            });
        }
        Map<String, List<String>> parents = new HashMap<>();
        resources.forEach((iri, r) -> parents.put(iri, objects(r, SKOS.broader).stream().map(RDFNode::asResource)
                .map(Resource::getURI).toList()));
        parents.forEach((iri, ps) -> ps.forEach(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(iri)));
        resources.forEach((iri, r) -> {
            Concept c = new Concept(iri, literal(r, SKOS.prefLabel), schemes.get(iri), parents.get(iri),
                    objects(r, SKOS.altLabel).stream().map(n -> n.asLiteral().getLexicalForm()).toList(),
                    literal(r, SKOS.definition), depth(iri, parents, new LinkedHashSet<>()));
            byIri.put(iri, c);
        });
        for (Concept c : byIri.values()) {
            Map<String, Concept> labels = byLabel.get(c.scheme());
            List<String> all = new ArrayList<>();
            all.add(c.label());
            all.addAll(c.altLabels());
            objects(resources.get(c.iri()), SKOS.hiddenLabel).forEach(n -> all.add(n.asLiteral().getLexicalForm()));
            all.forEach(l -> labels.putIfAbsent(Labels.normalize(l), c));
        }
    }

    public Optional<Concept> byIri(String iri) {
        return Optional.ofNullable(byIri.get(iri));
    }

    /** Concepts of a scheme, each parent before its children, siblings by label. */
    public List<Concept> concepts(Concept.Scheme scheme) {
        List<Concept> out = new ArrayList<>();
        byIri.values().stream().filter(c -> c.scheme() == scheme && c.broader().isEmpty())
                .sorted(Comparator.comparing(Concept::label)).forEach(top -> addTree(top, out));
        return out;
    }

    private void addTree(Concept c, List<Concept> out) {
        out.add(c);
        children.getOrDefault(c.iri(), List.of()).stream().map(byIri::get)
                .sorted(Comparator.comparing(Concept::label)).forEach(child -> addTree(child, out));
    }

    /** The concept whose prefLabel, altLabel or hiddenLabel is this label in normal form. */
    public Optional<Concept> matchLabel(Concept.Scheme scheme, String label) {
        return Optional.ofNullable(byLabel.get(scheme).get(Labels.normalize(label)));
    }

    /**
     * Concepts named anywhere in free text ("who buys baby products" → Baby): the longest label match wins at
     * each position, and matches do not overlap.
     */
    public List<ConceptMatch> findIn(Concept.Scheme scheme, String text) {
        List<String> tokens = Labels.tokens(text);
        Map<String, Concept> labels = byLabel.get(scheme);
        List<ConceptMatch> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            for (int n = Math.min(LONGEST_LABEL_TOKENS, tokens.size() - i); n >= 1 && matched == 0; n--) {
                String phrase = String.join(" ", tokens.subList(i, i + n));
                Concept c = labels.get(phrase);
                if (c != null) {
                    if (found.stream().noneMatch(m -> m.concept().equals(c))) {
                        found.add(new ConceptMatch(c, phrase));
                    }
                    matched = n;
                }
            }
            i += Math.max(matched, 1);
        }
        return found;
    }

    /** The concept and every concept below it, by {@code skos:broader}. */
    public Set<String> withDescendants(String iri) {
        Set<String> out = new LinkedHashSet<>();
        collect(iri, out);
        return out;
    }

    private void collect(String iri, Set<String> out) {
        if (out.add(iri)) {
            children.getOrDefault(iri, List.of()).forEach(c -> collect(c, out));
        }
    }

    /** The concept and every concept above it, by {@code skos:broader}; unknown IRIs give just themselves. */
    public Set<String> withAncestors(String iri) {
        return ancestors.computeIfAbsent(iri, i -> {
            Set<String> out = new LinkedHashSet<>();
            collectUp(i, out);
            return Set.copyOf(out);
        });
    }

    private void collectUp(String iri, Set<String> out) {
        if (out.add(iri)) {
            byIri(iri).ifPresent(c -> c.broader().forEach(p -> collectUp(p, out)));
        }
    }

    /** True when {@code ancestor} is a (transitive) broader concept of {@code iri}. */
    public boolean isAncestor(String ancestor, String iri) {
        return !ancestor.equals(iri) && withAncestors(iri).contains(ancestor);
    }

    /** Drops every concept that is an ancestor of another in the set, leaving the most specific ones. */
    public List<Concept> mostSpecific(Collection<Concept> concepts) {
        List<Concept> out = new ArrayList<>();
        for (Concept c : concepts) {
            boolean general = concepts.stream().anyMatch(o -> isAncestor(c.iri(), o.iri()));
            if (!general && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static int depth(String iri, Map<String, List<String>> parents, Set<String> seen) {
        if (!seen.add(iri)) {
            throw new IllegalStateException("skos:broader cycle through " + iri);
        }
        int d = 0;
        for (String p : parents.getOrDefault(iri, List.of())) {
            if (parents.containsKey(p)) {
                d = Math.max(d, 1 + depth(p, parents, new LinkedHashSet<>(seen)));
            }
        }
        return d;
    }

    private static List<RDFNode> objects(Resource r, org.apache.jena.rdf.model.Property p) {
        return r.listProperties(p).mapWith(s -> s.getObject()).toList();
    }

    private static String literal(Resource r, org.apache.jena.rdf.model.Property p) {
        var s = r.getProperty(p);
        return s == null ? null : ((Literal) s.getObject()).getLexicalForm();
    }

    /** A concept found in text, with the words that named it. */
    public record ConceptMatch(Concept concept, String matchedText) {
    }
}

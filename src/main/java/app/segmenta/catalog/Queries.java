package app.segmenta.catalog;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** SPARQL queries kept as {@code sparql/<verb>-<noun>.rq} resources, parsed once. */
public final class Queries {
    private static final Map<String, Query> CACHE = new ConcurrentHashMap<>();

    private Queries() {
    }

    /** The parsed query; callers that change it (VALUES blocks) must clone it first. */
    public static Query get(String name) {
        return CACHE.computeIfAbsent(name, Queries::load);
    }

    /** A copy of the named query with {@code ?variable} bound to each IRI by a VALUES block (never spliced text). */
    public static Query withValues(String queryName, String variable, Collection<String> iris) {
        Var var = Var.alloc(variable);
        Query query = get(queryName).cloneQuery();
        query.setValuesDataBlock(List.of(var), iris.stream()
                .map(iri -> BindingFactory.binding(var, NodeFactory.createURI(iri))).toList());
        return query;
    }

    private static Query load(String name) {
        String resource = "sparql/" + name + ".rq";
        try (InputStream in = Queries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing SPARQL resource " + resource);
            }
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

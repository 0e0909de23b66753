package app.segmenta.catalog;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraphTriplesQuads;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Match;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The knowledge graph on a SPARQL server, seen as a {@link org.apache.jena.sparql.core.DatasetGraph} so that callers
 * use the Graph API exactly as on TDB2. Transactions belong to a thread, as in TDB2.
 * <p>
 * A find with a known subject fetches all of that subject's triples once and keeps them for the rest of the
 * transaction (callers ask one subject several questions in a row); other finds and contains are one query each.
 * A write keeps its changes here, visible to its own finds, and sends them at commit as one request, which the
 * server applies in one transaction: all of a write or none of it. That is a SPARQL update (DELETE DATA, then
 * INSERT DATA) when the write deletes anything, else a POST of the new quads (most writes only add).
 * Writers of this process take turns, like TDB2's single writer. A read is not one snapshot: each query sees the
 * server's latest commit.
 */
final class RemoteDatasetGraph extends DatasetGraphTriplesQuads {

    private static final Var G = Var.alloc("g");
    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");
    /** Subjects per prefetch query: keeps the VALUES block, sent in a POST body, a few hundred kB at most. */
    private static final int PREFETCH_CHUNK = 500;

    private final SparqlService service;
    private final ReentrantLock writer = new ReentrantLock(true);
    private final ThreadLocal<State> state = new ThreadLocal<>();
    private final PrefixMap prefixes = PrefixMapFactory.create();

    private record SubjectKey(Node graph, Node subject) {
    }

    /** One transaction: what the server said about subjects, and this write's changes not yet sent. */
    private record State(TxnType type, Map<SubjectKey, List<Quad>> subjects, PendingChanges changes) {
        State(TxnType type) {
            this(type, new HashMap<>(), new PendingChanges());
        }

        boolean writes() {
            return type == TxnType.WRITE;
        }
    }

    RemoteDatasetGraph(SparqlService service) {
        this.service = service;
    }

    SparqlService service() {
        return service;
    }

    /** Whether this thread's write has changes the server has not seen yet (a SPARQL query would miss them). */
    boolean hasPendingChanges() {
        State t = state.get();
        return t != null && !t.changes().isEmpty();
    }

    /** Fetches these subjects' default-graph triples in a few queries, for the finds about them that follow. */
    void prefetch(Collection<Node> subjects) {
        State t = current();
        List<Node> missing = subjects.stream().filter(Node::isURI).distinct()
                .filter(s -> !t.subjects.containsKey(new SubjectKey(Quad.defaultGraphIRI, s))).toList();
        for (int from = 0; from < missing.size(); from += PREFETCH_CHUNK) {
            List<Node> chunk = missing.subList(from, Math.min(missing.size(), from + PREFETCH_CHUNK));
            chunk.forEach(s -> t.subjects.put(new SubjectKey(Quad.defaultGraphIRI, s), new ArrayList<>()));
            Query query = Queries.withValues("select-triples", "s", chunk.stream().map(Node::getURI).toList());
            service.select(query, Map.of(), row -> quad(row, Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY))
                    .forEach(q -> t.subjects.get(new SubjectKey(Quad.defaultGraphIRI, q.getSubject())).add(q));
        }
    }

    // ---- reads: what the server holds, with this transaction's changes laid over it

    @Override
    protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) {
        return match(Quad.defaultGraphIRI, s, p, o).iterator();
    }

    @Override
    protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        return match(g, s, p, o).iterator();
    }

    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) {
        return match(Node.ANY, s, p, o).iterator();
    }

    /** {@code g} is the default graph, one named graph, or ANY for every named graph. The list is a copy. */
    private List<Quad> match(Node g, Node s, Node p, Node o) {
        State t = current();
        Stream<Quad> stored = known(g) && known(s)
                ? t.subjects.computeIfAbsent(new SubjectKey(g, s), k -> fetch(g, s, Node.ANY, Node.ANY)).stream()
                        .filter(q -> Match.match(q, g, s, p, o))
                : fetch(g, s, p, o).stream();
        Stream<Quad> added = t.changes().addedAbout(s).stream().filter(q -> Match.match(q, g, s, p, o))
                .filter(q -> known(g) || !Quad.isDefaultGraph(q.getGraph()));
        return Stream.concat(stored.filter(q -> !t.changes().isDeleted(q) && !t.changes().isAdded(q)), added).toList();
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        State t = current();
        Node graph = g == null || g == Node.ANY ? null : Quad.isDefaultGraph(g) ? Quad.defaultGraphIRI : g;
        if (graph == null || known(s) || t.changes().deleted().stream().anyMatch(q -> Match.match(q, graph, s, p, o))) {
            // Answered from the subject's fetched triples, or where a pending delete could hide the server's answer
            return super.contains(g, s, p, o);
        }
        if (t.changes().added().stream().anyMatch(q -> Match.match(q, graph, s, p, o))) {
            return true;
        }
        boolean named = !Quad.isDefaultGraph(graph);
        return service.ask(Queries.get(named ? "ask-named-quad" : "ask-triple"), bindings(named ? graph : null, s, p, o));
    }

    private List<Quad> fetch(Node g, Node s, Node p, Node o) {
        boolean named = !Quad.isDefaultGraph(g);
        Node graph = named ? g : Quad.defaultGraphIRI;
        return service.select(Queries.get(named ? "select-named-quads" : "select-triples"),
                bindings(named ? g : null, s, p, o), row -> quad(row, graph, s, p, o));
    }

    /** The pattern's fixed terms, by the variable they stand for in the query ({@code g} null: the default graph). */
    private static Map<String, Node> bindings(Node g, Node s, Node p, Node o) {
        Map<String, Node> out = new HashMap<>();
        bind(out, G, g);
        bind(out, S, s);
        bind(out, P, p);
        bind(out, O, o);
        return out;
    }

    private static void bind(Map<String, Node> bindings, Var var, Node term) {
        if (known(term)) {
            bindings.put(var.getVarName(), term);
        }
    }

    /** A result row as a quad; a term the pattern fixed may be missing from the row, so it is taken from there. */
    private static Quad quad(Binding row, Node g, Node s, Node p, Node o) {
        return Quad.create(value(row, G, g), value(row, S, s), value(row, P, p), value(row, O, o));
    }

    private static Node value(Binding row, Var var, Node fromPattern) {
        Node fromRow = row.get(var);
        return fromRow != null ? fromRow : fromPattern;
    }

    private static boolean known(Node n) {
        return n != null && n != Node.ANY && n.isConcrete();
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        return service.select(Queries.get("select-graph-names"), Map.of(), row -> row.get(G)).iterator();
    }

    // ---- writes: kept here until commit

    @Override
    protected void addToDftGraph(Node s, Node p, Node o) {
        change(Quad.create(Quad.defaultGraphIRI, s, p, o), true);
    }

    @Override
    protected void addToNamedGraph(Node g, Node s, Node p, Node o) {
        change(Quad.create(g, s, p, o), true);
    }

    @Override
    protected void deleteFromDftGraph(Node s, Node p, Node o) {
        change(Quad.create(Quad.defaultGraphIRI, s, p, o), false);
    }

    @Override
    protected void deleteFromNamedGraph(Node g, Node s, Node p, Node o) {
        change(Quad.create(g, s, p, o), false);
    }

    private void change(Quad quad, boolean add) {
        State t = current();
        if (!t.writes()) {
            throw new JenaTransactionException("A change outside a write transaction");
        }
        if (add) {
            t.changes().add(quad);
        } else {
            t.changes().delete(quad);
        }
    }

    /** GraphView.remove names the default graph as null, which DatasetGraph reads as "every graph". */
    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        super.deleteAny(g == null ? Quad.defaultGraphIRI : g, s, p, o);
    }

    // ---- graphs and transactions

    @Override
    public Graph getDefaultGraph() {
        return new View(this, Quad.defaultGraphNodeGenerated);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return new View(this, graphNode);
    }

    /** A graph whose contains is the dataset's (an ASK where it can be), not a find that fetches every match. */
    private static final class View extends GraphView {
        View(RemoteDatasetGraph dsg, Node graph) {
            super(dsg, graph);
        }

        @Override
        protected boolean graphBaseContains(Triple t) {
            Node g = getGraphName() == null ? Quad.defaultGraphIRI : getGraphName();
            return getDataset().contains(g, t.getSubject(), t.getPredicate(), t.getObject());
        }
    }

    private State current() {
        State t = state.get();
        if (t == null) {
            throw new JenaTransactionException("Not in a transaction");
        }
        return t;
    }

    @Override
    public void begin(TxnType type) {
        if (state.get() != null) {
            throw new JenaTransactionException("Already in a transaction");
        }
        TxnType mode = type == TxnType.WRITE ? TxnType.WRITE : TxnType.READ;
        if (mode == TxnType.WRITE) {
            writer.lock();
        }
        state.set(new State(mode));
    }

    /** The server cannot tell whether another writer committed since this read began, so a read stays a read. */
    @Override
    public boolean promote(Promote mode) {
        return false;
    }

    @Override
    public void commit() {
        State t = current();
        if (t.writes() && t.changes().deletes()) {
            service.update(t.changes().asUpdate());
        } else if (t.writes() && !t.changes().isEmpty()) {
            service.add(t.changes().added());
        }
        t.changes().clear();
    }

    @Override
    public void abort() {
        current().changes().clear();
    }

    @Override
    public void end() {
        State t = state.get();
        if (t == null) {
            return;
        }
        state.remove();
        if (t.writes()) {
            writer.unlock();
        }
    }

    @Override
    public ReadWrite transactionMode() {
        State t = state.get();
        return t == null ? null : t.writes() ? ReadWrite.WRITE : ReadWrite.READ;
    }

    @Override
    public TxnType transactionType() {
        State t = state.get();
        return t == null ? null : t.type();
    }

    @Override
    public boolean isInTransaction() {
        return state.get() != null;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsTransactionAbort() {
        return true;
    }

    @Override
    public PrefixMap prefixes() {
        return prefixes;
    }
}

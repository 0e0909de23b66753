package app.segmenta.catalog;

import app.segmenta.config.SegmentaConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The knowledge graph: one TDB2 dataset per data directory, opened once, or a dataset on a Fuseki server when
 * {@code segmenta.store.url} names one. Imported data is the default graph; the ontology is the named graph
 * {@link Vocab#ONTOLOGY_GRAPH}, which queries name where they walk the taxonomy. All access goes through
 * {@link #read} and {@link #write}, each one transaction: in TDB2, or for a remote store one request sent at commit,
 * which the server applies in one transaction (see {@link RemoteDatasetGraph}). Callers see a DatasetGraph either way.
 */
@ApplicationScoped
public class GraphStore implements AutoCloseable {

    private static final Node ONTOLOGY_HASH = Vocab.core("ontologyHash");
    /** The configured default, for stores opened without configuration (CLI benchmarks, tests). */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final DatasetGraph dsg;
    /** The TDB2 directory; null in memory and for a remote store. */
    private final Path location;
    /** Counts committed write transactions, so callers can tell when a cached answer went stale. */
    private final AtomicLong generation = new AtomicLong();

    @Inject
    public GraphStore(SegmentaConfig config) {
        this(dataset(config), config.store().url().isPresent() ? null : databaseIn(config.dataDir()));
    }

    private static DatasetGraph dataset(SegmentaConfig config) {
        SegmentaConfig.Store store = config.store();
        return store.url().<DatasetGraph>map(url ->
                        new RemoteDatasetGraph(new SparqlService(url, store.timeout(), store.user(), store.password())))
                .orElseGet(() -> localDataset(databaseIn(config.dataDir()), store.timeout()));
    }

    /** Where the database of a data directory lives. */
    public static Path databaseIn(Path dataDir) {
        return dataDir.resolve("tdb2");
    }

    /** Opens (creating if needed) the TDB2 database in {@code directory}. */
    public GraphStore(Path directory) {
        this(localDataset(directory, DEFAULT_TIMEOUT), directory);
    }

    private GraphStore(DatasetGraph dsg, Path location) {
        this.dsg = dsg;
        this.location = location;
        installOntology(Ontology.shipped());
    }

    /** A TDB2 database in memory, for tests. */
    public static GraphStore inMemory() {
        return new GraphStore(withTimeout(TDB2Factory.createDataset().asDatasetGraph(), DEFAULT_TIMEOUT), null);
    }

    /** The dataset a SPARQL server holds (Fuseki: its base URL), e.g. http://fuseki:3030/segmenta. */
    public static GraphStore remote(SparqlService service) {
        return new GraphStore(new RemoteDatasetGraph(service), null);
    }

    private static DatasetGraph localDataset(Path directory, Duration timeout) {
        return withTimeout(connect(directory).asDatasetGraph(), timeout);
    }

    /** ARQ reads a query time limit from the dataset's context, so every local query gets it without asking. */
    private static DatasetGraph withTimeout(DatasetGraph dsg, Duration timeout) {
        dsg.getContext().set(ARQ.queryTimeout, timeout.toMillis());
        return dsg;
    }

    private static Dataset connect(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + directory, e);
        }
        try {
            return TDB2Factory.connectDataset(directory.toString());
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).toLowerCase().contains("lock")) {
                throw new DataDirectoryInUseException(directory.getParent(), e);
            }
            throw e;
        }
    }

    public <T> T read(Function<DatasetGraph, T> work) {
        return Txn.calculateRead(dsg, () -> work.apply(dsg));
    }

    public <T> T write(Function<DatasetGraph, T> work) {
        try {
            return Txn.calculateWrite(dsg, () -> work.apply(dsg));
        } finally {
            generation.incrementAndGet();
        }
    }

    public void update(Consumer<DatasetGraph> work) {
        write(dsg -> {
            work.accept(dsg);
            return null;
        });
    }

    /** Changes after every write transaction; read it before a read to key a cache on. */
    public long generation() {
        return generation.get();
    }

    /** Runs a SELECT with values bound as RDF terms (never spliced into the query text). */
    public <T> List<T> select(Query query, Map<String, Node> bindings, Function<Binding, T> row) {
        return read(dsg -> select(dsg, query, bindings, row));
    }

    /**
     * As {@link #select(Query, Map, Function)}, inside a transaction the caller already holds. A remote store runs
     * the query on the server, which has not seen the changes of a write in progress: there it refuses to run.
     */
    public static <T> List<T> select(DatasetGraph dsg, Query query, Map<String, Node> bindings, Function<Binding, T> row) {
        if (query.hasValues() && query.getValuesData().isEmpty()) {
            // A VALUES block with no rows matches nothing; TDB2's pattern reordering fails on it instead
            // ("Peek iterator is already empty").
            return List.of();
        }
        if (dsg instanceof RemoteDatasetGraph remote) {
            if (remote.hasPendingChanges()) {
                throw new IllegalStateException("A SPARQL query inside a write would not see the write's own changes");
            }
            return remote.service().select(query, bindings, row);
        }
        QueryExecBuilder builder = QueryExec.dataset(dsg).query(query);
        bindings.forEach(builder::substitution);
        List<T> out = new ArrayList<>();
        try (QueryExec exec = builder.build()) {
            RowSet rows = exec.select();
            while (rows.hasNext()) {
                out.add(row.apply(rows.next()));
            }
        }
        return out;
    }

    /** The graph that holds imported data, for writes inside {@link #write}. */
    public static Graph dataGraph(DatasetGraph dsg) {
        return dsg.getDefaultGraph();
    }

    /**
     * Tells a store that the work in this transaction is about to read these subjects, one by one: a remote store
     * fetches their triples in a few queries instead of one query each. TDB2 has them at hand already.
     */
    public static void prefetch(DatasetGraph dsg, Collection<Node> subjects) {
        if (dsg instanceof RemoteDatasetGraph remote) {
            remote.prefetch(subjects);
        }
    }

    public boolean hasReviews() {
        return read(dsg -> dataGraph(dsg).contains(Node.ANY, Vocab.TYPE, Vocab.REVIEW));
    }

    /** Whether the graph lives on a SPARQL server rather than in this process. */
    public boolean isRemote() {
        return dsg instanceof RemoteDatasetGraph;
    }

    /** Where the graph lives, for health checks and logs. */
    public String describe() {
        return dsg instanceof RemoteDatasetGraph remote ? "SPARQL server " + remote.service().url()
                : location == null ? "TDB2 in memory" : "TDB2 at " + location;
    }

    /**
     * Apparent size of the database files in bytes (0 in memory and on a remote server). TDB2 grows its index files in 8 MiB steps and
     * keeps superseded blocks (copy-on-write), so a small store already shows a few hundred MiB, mostly sparse.
     */
    public long sizeOnDisk() {
        if (location == null) {
            return 0;
        }
        try (var files = Files.walk(location)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites the database with only its current contents and deletes the old generation: TDB2 writes copy-on-write,
     * so every transaction leaves superseded blocks behind until this runs (a 30-minute soak of chats and imports grew
     * the demo store from 0.2 to 12 GB). Readers carry on meanwhile; writers wait until it is done.
     *
     * @return bytes on disk before and after
     */
    public long[] compact() {
        if (location == null || isRemote()) {
            throw new IllegalStateException("Only an embedded TDB2 database on disk is compacted here"
                    + (isRemote() ? " (compact a Fuseki dataset with Fuseki's own admin endpoint)." : "."));
        }
        long before = sizeOnDisk();
        DatabaseMgr.compact(dsg, true);
        return new long[]{before, sizeOnDisk()};
    }

    private void installOntology(Ontology ontology) {
        Node hash = NodeFactory.createLiteralString(ontology.hash());
        update(dsg -> {
            Graph graph = dsg.getGraph(Vocab.ONTOLOGY_GRAPH);
            if (graph.contains(Vocab.ONTOLOGY_GRAPH, ONTOLOGY_HASH, hash)) {
                return;
            }
            graph.clear();
            ontology.model().getGraph().find().forEachRemaining(graph::add);
            graph.add(Vocab.ONTOLOGY_GRAPH, ONTOLOGY_HASH, hash);
        });
    }

    @PreDestroy
    @Override
    public void close() {
        if (location != null) {
            TDBInternal.expel(dsg);
        } else {
            dsg.close();
        }
    }
}

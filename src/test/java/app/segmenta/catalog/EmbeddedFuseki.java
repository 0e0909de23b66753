package app.segmenta.catalog;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;

import java.nio.file.Path;

/**
 * Apache Jena Fuseki in this JVM, on a free port of the loopback interface, serving one in-memory TDB2 dataset at
 * {@code /segmenta}: the server a remote store talks to, speaking the real SPARQL protocol.
 */
public final class EmbeddedFuseki implements AutoCloseable {

    private final DatasetGraph dataset = DatabaseMgr.createDatasetGraph();
    private final FusekiServer server;

    public EmbeddedFuseki() {
        server = FusekiServer.create().port(0).loopback(true).add("/segmenta", dataset).build().start();
    }

    /** A server that lets in only the users of this Jetty password file ({@code user: password} lines), by HTTP basic auth. */
    public EmbeddedFuseki(Path passwordFile) {
        server = FusekiServer.create().port(0).loopback(true).add("/segmenta", dataset)
                .passwordFile(passwordFile.toString()).auth(AuthScheme.BASIC).serverAuthPolicy(Auth.ANY_USER)
                .build().start();
    }

    /** The dataset's base URL, as {@code segmenta.store.url} takes it. */
    public String url() {
        return "http://localhost:" + server.getHttpPort() + "/segmenta";
    }

    /** Triples in the served dataset's default graph, counted on the server's side. */
    public long dataTriples() {
        return Txn.calculateRead(dataset, () -> dataset.getDefaultGraph().size());
    }

    public boolean hasNamedGraph(Node graph) {
        return Txn.calculateRead(dataset, () -> dataset.contains(graph, Node.ANY, Node.ANY, Node.ANY));
    }

    @Override
    public void close() {
        server.stop();
    }
}

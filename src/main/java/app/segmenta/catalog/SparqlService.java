package app.segmenta.catalog;

import org.apache.jena.graph.Node;
import org.apache.jena.http.HttpEnv;
import org.apache.jena.http.HttpLib;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.update.UpdateRequest;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A dataset on a SPARQL server (Fuseki) spoken to over the SPARQL protocol: its base URL answers queries and
 * updates. Every request has the same time limit, connecting included, so a server that hangs fails the call
 * instead of the caller's thread.
 */
public final class SparqlService {

    private final String url;
    private final long timeoutMillis;
    private final HttpClient client;
    private final Map<String, String> headers;

    public SparqlService(String url, Duration timeout, Optional<String> user, Optional<String> password) {
        this.url = url;
        this.timeoutMillis = timeout.toMillis();
        this.client = HttpEnv.httpClientBuilder().connectTimeout(timeout).build();
        // Sent with every request rather than after a challenge: a SPARQL update is one POST, not worth two.
        this.headers = user.map(u -> Map.of("Authorization", HttpLib.basicAuth(u, password.orElse(""))))
                .orElse(Map.of());
    }

    public String url() {
        return url;
    }

    /** Runs a SELECT with values bound as RDF terms; Jena substitutes them into the query syntax it sends. */
    public <T> List<T> select(Query query, Map<String, Node> bindings, Function<Binding, T> row) {
        List<T> out = new ArrayList<>();
        try (QueryExec exec = query(query, bindings)) {
            RowSet rows = exec.select();
            while (rows.hasNext()) {
                out.add(row.apply(rows.next()));
            }
        }
        return out;
    }

    public boolean ask(Query query, Map<String, Node> bindings) {
        try (QueryExec exec = query(query, bindings)) {
            return exec.ask();
        }
    }

    /** One request: the server applies it in one transaction, all of it or none. */
    public void update(UpdateRequest request) {
        UpdateExecHTTP.service(url).update(request).httpClient(client).httpHeaders(headers)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS).build().execute();
    }

    private QueryExec query(Query query, Map<String, Node> bindings) {
        QueryExecHTTPBuilder builder = QueryExecHTTP.service(url).query(query).httpClient(client).httpHeaders(headers)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        bindings.forEach(builder::substitution);
        return builder.build();
    }
}

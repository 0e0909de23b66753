package app.segmenta.catalog;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** TDB2 keeps superseded blocks after every write; compacting gives the space back and keeps the data. */
class CompactionTest {

    @TempDir
    Path dir;

    @Test
    void compactingShrinksTheDatabaseAndKeepsItsContents() throws Exception {
        Node p = NodeFactory.createURI("urn:test:value");
        try (GraphStore store = new GraphStore(dir.resolve("tdb2"))) {
            for (int i = 0; i < 300; i++) {
                int n = i;
                // rewrite the same few facts, as re-imports and word updates do
                store.update(dsg -> {
                    var g = GraphStore.dataGraph(dsg);
                    for (int s = 0; s < 50; s++) {
                        Node subject = NodeFactory.createURI("urn:test:s" + s);
                        g.remove(subject, p, Node.ANY);
                        g.add(subject, p, NodeFactory.createLiteralString("value " + n + " of " + s));
                    }
                });
            }
            long[] sizes = store.compact();
            assertThat(sizes[1]).isLessThan(sizes[0]);
            try (var dirs = Files.list(dir.resolve("tdb2"))) {
                assertThat(dirs.map(d -> d.getFileName().toString())).contains("Data-0002").doesNotContain("Data-0001");
            }
            java.util.List<org.apache.jena.graph.Triple> kept = store.read(dsg -> GraphStore.dataGraph(dsg).find(Node.ANY, p, Node.ANY).toList());
            assertThat(kept).hasSize(50).allSatisfy(t -> assertThat(t.getObject().getLiteralLexicalForm()).startsWith("value 299 of"));
            store.update(dsg -> GraphStore.dataGraph(dsg).add(NodeFactory.createURI("urn:test:after"), p,
                    NodeFactory.createLiteralString("still writable")));
            assertThat(store.hasReviews()).isFalse();
        }
        try (GraphStore reopened = new GraphStore(dir.resolve("tdb2"))) {
            java.util.List<org.apache.jena.graph.Triple> all = reopened.read(dsg -> GraphStore.dataGraph(dsg).find(Node.ANY, p, Node.ANY).toList());
            assertThat(all).hasSize(51);
        }
    }
}

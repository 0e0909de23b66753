package app.segmenta.ingest;

import app.segmenta.aspects.AspectDetectors;
import app.segmenta.aspects.ReviewAspects;
import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.GraphStore;
import app.segmenta.catalog.Vocab;
import app.segmenta.search.Embedder;
import app.segmenta.search.ReviewVectors;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Kills a real import process (SIGKILL) after a few committed batches, then imports again. */
class ResumableImportTest {

    @TempDir
    Path dir;

    @Test
    void aKilledImportLeavesAConsistentStoreThatTheNextRunCompletes() throws Exception {
        Path file = Fixtures.file("womens-clothing-sample.csv");
        Path tdb = dir.resolve("tdb2");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", System.getProperty("java.class.path"), SlowImport.class.getName(), tdb.toString(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int batches = 0;
            while ((line = out.readLine()) != null && batches < 3) {
                if (line.startsWith("committed ")) {
                    batches++;
                }
            }
            assertThat(batches).as("the child committed batches before it was killed").isEqualTo(3);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed, not finished").isNotZero();

        try (GraphStore store = new GraphStore(tdb)) {
            long afterKill = reviews(store);
            assertThat(afterKill).as("whole batches only").isPositive().isLessThan(140);
            assertThat(afterKill % SlowImport.BATCH).isZero();
            assertThat(everyReviewComplete(store)).isTrue();

            Importer importer = new Importer(store, new ConceptIndex(), 50);
            Embedder embedder = new Embedder("all-minilm-l6-v2-q", dir.resolve("djl"));
            ReviewVectors vectors = new ReviewVectors(store, embedder, dir.resolve("vectors"), 64);
            ReviewAspects aspects = new ReviewAspects(store, new CatalogService(store, new ConceptIndex()), vectors, new AspectDetectors(embedder, dir.resolve("aspects")));
            assertThat(new ImportJobs(importer, store, vectors, aspects, new app.segmenta.ops.Metrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry())).list()).extracting(ImportJob::state).containsExactly("interrupted");

            ImportSummary resumed = importer.importFile(file, ImportOptions.DEFAULTS, ImportListener.NONE);
            assertThat(resumed.unchanged()).isEqualTo(afterKill);
            assertThat(resumed.imported()).isEqualTo(resumed.read() - resumed.skipped().size() - afterKill);
            assertThat(reviews(store)).isEqualTo(resumed.read() - resumed.skipped().size());
            assertThat(everyReviewComplete(store)).isTrue();
            assertThat(distinctSourceRows(store)).isEqualTo(reviews(store));
            assertThat(new ImportJobs(importer, store, vectors, aspects, new app.segmenta.ops.Metrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry())).list()).extracting(ImportJob::state)
                    .containsExactly("completed", "interrupted");
        }
    }

    private static long reviews(GraphStore store) {
        return store.read(dsg -> (long) GraphStore.dataGraph(dsg).find(Node.ANY, Vocab.TYPE, Vocab.REVIEW).toList().size());
    }

    /** No half-written review: each has exactly one text, author, product, source row and hash. */
    private static boolean everyReviewComplete(GraphStore store) {
        return store.read(dsg -> {
            var g = GraphStore.dataGraph(dsg);
            return g.find(Node.ANY, Vocab.TYPE, Vocab.REVIEW).toList().stream().map(t -> t.getSubject()).allMatch(r ->
                    List.of(Vocab.TEXT, Vocab.AUTHOR, Vocab.REVIEW_OF, Vocab.SOURCE_ROW, Vocab.CONTENT_HASH).stream()
                            .allMatch(p -> g.find(r, p, Node.ANY).toList().size() == 1));
        });
    }

    private static long distinctSourceRows(GraphStore store) {
        return store.read(dsg -> {
            Set<Node> rows = new HashSet<>();
            GraphStore.dataGraph(dsg).find(Node.ANY, Vocab.SOURCE_ROW, Node.ANY).forEachRemaining(t -> rows.add(t.getObject()));
            return (long) rows.size();
        });
    }

    /** The child process: imports slowly in small batches and says when each batch is committed. */
    public static final class SlowImport {
        static final int BATCH = 20;

        public static void main(String[] args) {
            GraphStore store = new GraphStore(Path.of(args[0]));
            new Importer(store, new ConceptIndex(), BATCH).importFile(Path.of(args[1]), ImportOptions.DEFAULTS,
                    new ImportListener() {
                        @Override
                        public void committed(long rows) {
                            System.out.println("committed " + rows);
                            System.out.flush();
                            try {
                                Thread.sleep(300);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
            System.out.println("finished");
        }
    }
}

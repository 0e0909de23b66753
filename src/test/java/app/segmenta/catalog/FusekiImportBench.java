package app.segmenta.catalog;

import app.segmenta.ingest.ImportListener;
import app.segmenta.ingest.ImportOptions;
import app.segmenta.ingest.ImportSummary;
import app.segmenta.ingest.Importer;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Import rates into embedded TDB2 and into Fuseki (in this JVM, over loopback, a TDB2 database on disk), run after
 * run, for the figures in docs/benchmarks.md. Not part of the build (the name does not end in Test):
 * {@code ./mvnw -o test -Dtest=FusekiImportBench}, then read the BENCH lines.
 */
class FusekiImportBench {

    private static final int RUNS = 3;

    @TempDir
    Path dir;

    @Test
    void importsIntoEmbeddedTdb2AndIntoFuseki() {
        ConceptIndex concepts = new ConceptIndex();
        ImportOptions clothing = ImportOptions.DEFAULTS;
        ImportOptions multicategory = new ImportOptions(null, Path.of("data/demo/product-reviews-multicategory.mapping.json"), null);
        for (int run = 1; run <= RUNS; run++) {
            for (var file : Map.of(Path.of("data/demo/womens-clothing-reviews.csv"), clothing,
                    Path.of("data/demo/product-reviews-multicategory.csv"), multicategory).entrySet()) {
                Path local = dir.resolve("local-" + run + "-" + file.getKey().getFileName());
                try (GraphStore store = new GraphStore(local.resolve("tdb2"))) {
                    measure("TDB2  ", run, file.getKey(), file.getValue(), store, concepts);
                }
                DatasetGraph served = DatabaseMgr.connectDatasetGraph(dir.resolve("served-" + run + "-" + file.getKey().getFileName()).toString());
                FusekiServer server = FusekiServer.create().port(0).loopback(true).add("/segmenta", served).build().start();
                String url = "http://localhost:" + server.getHttpPort() + "/segmenta";
                try (GraphStore store = GraphStore.remote(new SparqlService(url, Duration.ofSeconds(60), Optional.empty(), Optional.empty()))) {
                    measure("Fuseki", run, file.getKey(), file.getValue(), store, concepts);
                } finally {
                    server.stop();
                }
            }
        }
    }

    private static void measure(String where, int run, Path file, ImportOptions options, GraphStore store, ConceptIndex concepts) {
        Importer importer = new Importer(store, concepts, 1000);
        long started = System.nanoTime();
        ImportSummary first = importer.importFile(file, options, ImportListener.NONE);
        double firstSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        ImportSummary again = importer.importFile(file, options, ImportListener.NONE);
        double againSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("BENCH run %d %s %s: %,d rows, import %,.0f rows/s, unchanged re-import %,.0f rows/s (%,d unchanged)%n",
                run, where, file.getFileName(), first.read(), first.read() / firstSeconds, again.read() / againSeconds,
                again.unchanged());
    }
}

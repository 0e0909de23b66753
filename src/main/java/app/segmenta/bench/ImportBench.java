package app.segmenta.bench;

import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.GraphStore;
import app.segmenta.cli.Output;
import app.segmenta.config.SegmentaConfig;
import app.segmenta.ingest.ImportListener;
import app.segmenta.ingest.ImportOptions;
import app.segmenta.ingest.ImportSummary;
import app.segmenta.ingest.Importer;
import app.segmenta.text.Counts;
import jakarta.enterprise.context.Dependent;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Benchmark: import each file into a fresh data directory several times; report the median "
                + "rows/s, the median rows/s of re-importing it unchanged, and the store's size on disk. "
                + "Default files: ../shared/data/*.csv, else the demo data.")
@Dependent
public class ImportBench implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE")
    List<Path> files = new ArrayList<>();

    @Option(names = "--runs", defaultValue = "3", description = "Runs per file (default 3).")
    int runs;

    @Option(names = "--mapping-dir", paramLabel = "DIR",
            description = "Where to look for <name>.mapping.json when a file has none beside it (default: the demo folder).")
    Path mappingDir;

    @Option(names = "--json", description = "Print the results as JSON on stdout.")
    boolean json;

    private final ConceptIndex concepts;
    private final SegmentaConfig config;
    private final Output output;

    public ImportBench(ConceptIndex concepts, SegmentaConfig config, Output output) {
        this.concepts = concepts;
        this.config = config;
        this.output = output;
    }

    @Override
    public Integer call() throws IOException {
        List<Path> inputs = files.isEmpty() ? defaultFiles() : files;
        Path mappings = mappingDir != null ? mappingDir : config.demo().dir();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Path file : inputs) {
            Path mapping = mappingFor(file, mappings);
            double[] rates = new double[runs];
            double[] reimportRates = new double[runs];
            long rows = 0;
            long bytes = 0;
            for (int i = 0; i < runs; i++) {
                Path dir = Files.createTempDirectory("segmenta-bench-");
                try (GraphStore store = new GraphStore(dir.resolve("tdb2"))) {
                    Importer importer = new Importer(store, concepts, config.ingest().batchSize());
                    long start = System.nanoTime();
                    ImportSummary s = importer.importFile(file, new ImportOptions(null, mapping, null), ImportListener.NONE);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    rows = s.read();
                    rates[i] = rows / seconds;
                    bytes = store.sizeOnDisk();
                    start = System.nanoTime();
                    importer.importFile(file, new ImportOptions(null, mapping, null), ImportListener.NONE);
                    reimportRates[i] = rows / ((System.nanoTime() - start) / 1e9);
                    output.err().printf("%s run %d: %s in %.2f s = %,.0f rows/s; unchanged re-import %,.0f rows/s%n",
                            file.getFileName(), i + 1, Counts.of(rows, "row"), seconds, rates[i], reimportRates[i]);
                } finally {
                    PathUtils.deleteDirectory(dir);
                }
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("file", file.getFileName().toString());
            r.put("rows", rows);
            r.put("runs", runs);
            r.put("medianRowsPerSecond", Math.round(Medians.of(rates)));
            r.put("rowsPerSecond", Arrays.stream(rates).map(Math::round).boxed().toList());
            r.put("medianReimportRowsPerSecond", Math.round(Medians.of(reimportRates)));
            r.put("storeBytes", bytes);
            results.add(r);
        }
        if (json) {
            output.json(Map.of("imports", results));
        } else {
            output.out().printf("%-36s %8s %14s %16s %10s%n", "file", "rows", "median rows/s", "re-import rows/s",
                    "store MiB");
            results.forEach(r -> output.out().printf("%-36s %,8d %,14d %,16d %10.1f%n", r.get("file"), (Long) r.get("rows"),
                    (Long) r.get("medianRowsPerSecond"), (Long) r.get("medianReimportRowsPerSecond"),
                    (Long) r.get("storeBytes") / 1048576.0));
        }
        return 0;
    }

    private static Path mappingFor(Path file, Path dir) {
        String name = file.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        if (Files.exists(file.resolveSibling(base + ".mapping.json"))) {
            return null;
        }
        Path candidate = dir.resolve(base + ".mapping.json");
        return Files.exists(candidate) ? candidate : null;
    }

    private List<Path> defaultFiles() {
        Path shared = Path.of("..", "shared", "data");
        Path dir = Files.isDirectory(shared) ? shared : config.demo().dir();
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".csv") && !p.toString().endsWith(".columns.csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}

package app.segmenta.bench;

import app.segmenta.aspects.AspectDetectors;
import app.segmenta.aspects.AspectListener;
import app.segmenta.aspects.AspectSummary;
import app.segmenta.aspects.ReviewAspects;
import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.GraphStore;
import app.segmenta.catalog.Queries;
import app.segmenta.cli.Output;
import app.segmenta.config.SegmentaConfig;
import app.segmenta.ingest.ImportListener;
import app.segmenta.ingest.ImportOptions;
import app.segmenta.ingest.Importer;
import app.segmenta.search.Embedder;
import app.segmenta.search.EmbeddingListener;
import app.segmenta.search.EmbeddingSummary;
import app.segmenta.search.Passages;
import app.segmenta.search.ReviewVectors;
import jakarta.enterprise.context.Dependent;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Benchmark: embedding throughput of the import pipeline (split, cache look-ups, model, vector "
                + "index, commits) against the bare model on the same passages, and the aspect pass that follows it "
                + "as a share of the embedding time, medians of several runs.")
@Dependent
public class EmbedBench implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Reviews to embed (default: the demo's womens-clothing-reviews.csv).")
    Path file;

    @Option(names = "--runs", defaultValue = "3", description = "Runs (default 3).")
    int runs;

    @Option(names = "--json", description = "Print the results as JSON on stdout.")
    boolean json;

    private final ConceptIndex concepts;
    private final SegmentaConfig config;
    private final Embedder embedder;
    private final Output output;

    public EmbedBench(ConceptIndex concepts, SegmentaConfig config, Embedder embedder, Output output) {
        this.concepts = concepts;
        this.config = config;
        this.embedder = embedder;
        this.output = output;
    }

    @Override
    public Integer call() throws IOException {
        Path input = file != null ? file : config.demo().dir().resolve("womens-clothing-reviews.csv");
        Path dir = Files.createTempDirectory("segmenta-bench-embed-");
        try (GraphStore store = new GraphStore(dir.resolve("tdb2"))) {
            new Importer(store, concepts, config.ingest().batchSize()).importFile(input, ImportOptions.DEFAULTS, ImportListener.NONE);
            List<String> passages = new ArrayList<>();
            store.select(Queries.get("select-review-texts"), Map.of(),
                    row -> passages.addAll(Passages.split(row.get("text").getLiteralLexicalForm()).stream()
                            .map(Passages.Passage::text).toList()));
            embedder.embedAll(passages.subList(0, Math.min(200, passages.size())));
            double[] raw = new double[runs];
            double[] pipeline = new double[runs];
            double[] aspectShare = new double[runs];
            AspectDetectors detectors = new AspectDetectors(embedder, dir.resolve("aspects"));
            long reviews = 0;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                int batch = config.embedding().batchSize() * 2;
                for (int from = 0; from < passages.size(); from += batch) {
                    embedder.embedAll(passages.subList(from, Math.min(passages.size(), from + batch)));
                }
                raw[i] = passages.size() / ((System.nanoTime() - start) / 1e9);
                // each run on a store of its own, so the aspect pass reads every review again
                try (GraphStore run = new GraphStore(dir.resolve("run-" + i).resolve("tdb2"));
                     ReviewVectors vectors = new ReviewVectors(run, embedder, dir.resolve("vectors-" + i),
                             config.embedding().batchSize())) {
                    new Importer(run, concepts, config.ingest().batchSize()).importFile(input, ImportOptions.DEFAULTS, ImportListener.NONE);
                    EmbeddingSummary s = vectors.embedPending(EmbeddingListener.NONE);
                    pipeline[i] = s.passagesPerSecond();
                    reviews = s.reviews();
                    AspectSummary a = new ReviewAspects(run, new CatalogService(run, concepts), vectors, detectors)
                            .detectPending(AspectListener.NONE, line -> { });
                    aspectShare[i] = a.seconds() / (passages.size() / pipeline[i]);
                }
                output.err().printf("run %d: model %,.0f passages/s, pipeline %,.0f passages/s, aspect pass %.1f%% of the "
                        + "embedding time%n", i + 1, raw[i], pipeline[i], 100 * aspectShare[i]);
            }
            double rawMedian = Medians.of(raw);
            double pipelineMedian = Medians.of(pipeline);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", embedder.modelId());
            r.put("file", input.getFileName().toString());
            r.put("reviews", reviews);
            r.put("passages", passages.size());
            r.put("modelPassagesPerSecond", Math.round(rawMedian));
            r.put("pipelinePassagesPerSecond", Math.round(pipelineMedian));
            r.put("pipelineReviewsPerSecond", Math.round(pipelineMedian * reviews / passages.size()));
            r.put("pipelineOverheadPercent", Math.round(1000 * (1 - pipelineMedian / rawMedian)) / 10.0);
            r.put("aspectPassPercentOfEmbedding", Math.round(1000 * Medians.of(aspectShare)) / 10.0);
            if (json) {
                output.json(r);
            } else {
                r.forEach((k, v) -> output.out().printf("%-28s %s%n", k, v));
            }
        } finally {
            PathUtils.deleteDirectory(dir);
        }
        return 0;
    }

}

package app.segmenta.bench;

import app.segmenta.cli.DataPresence;
import app.segmenta.cli.Output;
import app.segmenta.config.SegmentaConfig;
import app.segmenta.search.Embedder;
import app.segmenta.search.ReviewVectors;
import app.segmenta.search.VectorIndex;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

@Command(name = "vectors", mixinStandardHelpOptions = true,
        description = "Benchmark: meaning-search latency on a large vector index built by repeating the data "
                + "directory's passage vectors (each copy slightly jittered) up to --vectors passages. Times the exact "
                + "threshold scan the audience search runs, and an HNSW top-100 search, median and p95.")
@Dependent
public class VectorsBench implements Callable<Integer> {

    private static final List<String> QUESTIONS = List.of("the package took weeks to arrive", "hard to assemble",
            "runs small", "fabric pilled after washing", "gift for my mother", "strong smell", "never arrived",
            "made my skin break out", "my baby loves it", "stopped working after a month");

    @Option(names = "--vectors", defaultValue = "1000000", description = "Passages in the benchmark index (default 1,000,000).")
    int size;

    @Option(names = "--index", paramLabel = "DIR", description = "Where to build (or reuse) it (default <data-dir>/bench-vectors-N).")
    Path indexDir;

    @Option(names = "--rounds", defaultValue = "5")
    int rounds;

    @Option(names = "--json", description = "Print the results as JSON on stdout.")
    boolean json;

    private final ReviewVectors vectors;
    private final Embedder embedder;
    private final SegmentaConfig config;
    private final DataPresence data;
    private final Output output;

    public VectorsBench(ReviewVectors vectors, Embedder embedder, SegmentaConfig config, DataPresence data,
                               Output output) {
        this.vectors = vectors;
        this.embedder = embedder;
        this.config = config;
        this.data = data;
        this.output = output;
    }

    @Override
    public Integer call() {
        if (data.missing(output)) {
            return 1;
        }
        Path dir = indexDir != null ? indexDir : config.dataDir().resolve("bench-vectors-" + size + "-" + embedder.fileName());
        long built = 0;
        try (VectorIndex big = new VectorIndex(dir, 512)) {
            if (big.passages() < size) {
                built = build(big);
            }
            int n = big.passages();
            List<float[]> queries = embedder.embedAll(QUESTIONS);
            float min = (float) minSimilarity();
            queries.forEach(q -> big.scan(q, min, null));
            double[] scan = new double[rounds * queries.size()];
            double[] knn = new double[rounds * queries.size()];
            long hits = 0;
            for (int r = 0, i = 0; r < rounds; r++) {
                for (float[] q : queries) {
                    long t = System.nanoTime();
                    hits = Math.max(hits, big.scan(q, min, null).size());
                    scan[i] = (System.nanoTime() - t) / 1e6;
                    t = System.nanoTime();
                    big.search(q, 100, null);
                    knn[i++] = (System.nanoTime() - t) / 1e6;
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("passages", n);
            out.put("builtPassages", built);
            out.put("minSimilarity", min);
            out.put("largestHitCount", hits);
            out.put("scanMedianMillis", round(Medians.of(scan)));
            out.put("scanP95Millis", round(Medians.p95(scan)));
            out.put("hnswTop100MedianMillis", round(Medians.of(knn)));
            out.put("hnswTop100P95Millis", round(Medians.p95(knn)));
            if (json) {
                output.json(out);
            } else {
                out.forEach((k, v) -> output.out().printf("%-24s %s%n", k, v));
            }
        }
        return 0;
    }

    /** Copies of the data directory's passages, jittered so copies are near (cosine about 0.93), not identical. */
    private long build(VectorIndex big) {
        VectorIndex source = vectors.index();
        Map<String, VectorIndex.IndexedReview> reviews = source.passagesOf(source.reviewHashes().keySet());
        List<Map.Entry<String, VectorIndex.IndexedReview>> list = new ArrayList<>(reviews.entrySet());
        Random random = new Random(42);
        long written = big.passages();
        long started = System.nanoTime();
        for (int copy = 0; written < size; copy++) {
            for (var e : list) {
                if (written >= size) {
                    break;
                }
                List<VectorIndex.PassageVector> ps = new ArrayList<>();
                for (VectorIndex.PassageVector p : e.getValue().passages()) {
                    ps.add(new VectorIndex.PassageVector(p.ordinal(), p.start(), p.end(), "bench",
                            copy == 0 ? p.vector() : jitter(p.vector(), random)));
                }
                big.replace("bench:" + copy + ":" + e.getKey(), "bench", ps);
                written += ps.size();
                if (written % 100_000 < ps.size()) {
                    big.commit();
                    output.err().printf("built %,d of %,d passages (%.0f s)%n", written, size, (System.nanoTime() - started) / 1e9);
                }
            }
        }
        big.commit();
        return written;
    }

    private static float[] jitter(float[] v, Random random) {
        float[] out = Arrays.copyOf(v, v.length);
        double norm = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (random.nextGaussian() * 0.02);
            norm += out[i] * out[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return out;
    }

    private double minSimilarity() {
        return app.segmenta.audience.AudienceService.minSimilarity(embedder.modelId());
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

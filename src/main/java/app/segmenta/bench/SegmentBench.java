package app.segmenta.bench;

import app.segmenta.audience.AudienceQuery;
import app.segmenta.audience.AudienceService;
import app.segmenta.catalog.Concept;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.cli.DataPresence;
import app.segmenta.cli.Output;
import app.segmenta.segmentation.AudienceData;
import app.segmenta.segmentation.CustomerData;
import app.segmenta.segmentation.CustomerLoader;
import app.segmenta.segmentation.Segmentation;
import app.segmenta.segmentation.SegmentationListener;
import app.segmenta.segmentation.SegmentationPipeline;
import app.segmenta.segmentation.SegmentationService;
import app.segmenta.text.Counts;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Benchmark: end-to-end segmentation (features, reduction, clustering with k chosen, quality and "
                + "stability, map, statistics and quotes) of synthetic audiences scaled up from the data directory's "
                + "customers (each a real customer with a jittered embedding), median of several runs, with peak heap. "
                + "Reading the real audience from the store is timed separately.")
@Dependent
public class SegmentBench implements Callable<Integer> {

    @Option(names = "--customers", split = ",", defaultValue = "1000,10000,100000",
            description = "Audience sizes (default 1000,10000,100000).")
    List<Integer> sizes;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs per size, after one warm-up run (default 3).")
    int runs;

    @Option(names = "--algorithm", defaultValue = "kmeans", description = "kmeans, xmeans or hdbscan (default kmeans).")
    String algorithm;

    @Option(names = "--json", description = "Print the results as JSON on stdout.")
    boolean json;

    private final AudienceService audiences;
    private final CustomerLoader loader;
    private final SegmentationService segmentations;
    private final ConceptIndex concepts;
    private final DataPresence data;
    private final Output output;

    public SegmentBench(AudienceService audiences, CustomerLoader loader, SegmentationService segmentations,
                               ConceptIndex concepts, DataPresence data, Output output) {
        this.audiences = audiences;
        this.loader = loader;
        this.segmentations = segmentations;
        this.concepts = concepts;
        this.data = data;
        this.output = output;
    }

    @Override
    public Integer call() {
        if (data.missing(output)) {
            return 1;
        }
        AudienceQuery everyone = AudienceQuery.of(null, null, null, null);
        double[] loadMillis = new double[runs];
        AudienceData real = null;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            real = loader.load(audiences.find(everyone).audience().items());
            loadMillis[run] = (System.nanoTime() - start) / 1e6;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("storeCustomers", real.customers().size());
        result.put("readStoreAudienceMedianMillis", Math.round(Medians.of(loadMillis)));
        result.put("algorithm", algorithm);
        SegmentationPipeline.Settings settings = segmentations.settings(
                new SegmentationService.Request(everyone, null, algorithm, 42L, null));
        SegmentationPipeline pipeline = SegmentationPipeline.standard();
        List<Map<String, Object>> bySize = new ArrayList<>();
        for (int size : sizes) {
            AudienceData synthetic = scaleUp(real, size, 7);
            pipeline.run("bench", Instant.now(), everyone, synthetic, settings, this::label, SegmentationListener.NONE);
            double[] millis = new double[runs];
            Map<String, List<Double>> stepMillis = new LinkedHashMap<>();
            long peak = 0;
            Segmentation last = null;
            for (int run = 0; run < runs; run++) {
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                StepClock clock = new StepClock(start);
                last = pipeline.run("bench", Instant.now(), everyone, synthetic, settings, this::label, clock).segmentation();
                millis[run] = (System.nanoTime() - start) / 1e6;
                clock.finish(stepMillis);
                peak = Math.max(peak, peakHeap());
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("customers", size);
            r.put("medianMillis", Math.round(Medians.of(millis)));
            r.put("runsMillis", java.util.Arrays.stream(millis).mapToLong(Math::round).boxed().toList());
            r.put("peakHeapMb", peak >> 20);
            Map<String, Long> steps = new LinkedHashMap<>();
            stepMillis.forEach((step, list) -> steps.put(step, Math.round(Medians.of(list.stream().mapToDouble(d -> d).toArray()))));
            r.put("stepMedianMillis", steps);
            r.put("k", last.k());
            r.put("reason", last.reason());
            r.put("reduction", last.settings().reduction());
            r.put("map", last.map().method());
            r.put("silhouette", last.quality().silhouette());
            r.put("stability", last.quality().stability());
            bySize.add(r);
            output.err().printf("%s: median %,d ms, peak heap %,d MB%n", Counts.of(size, "customer"), Math.round(Medians.of(millis)), peak >> 20);
        }
        result.put("sizes", bySize);
        if (json) {
            output.json(result);
        } else {
            result.forEach((k, v) -> output.out().printf("%-32s %s%n", k, v));
        }
        return 0;
    }

    /**
     * {@code size} customers drawn with replacement from the real ones, each keeping the original's reviews and
     * facts, with an embedding jittered by Gaussian noise (sd 0.02 per dimension) so no two are identical.
     */
    static AudienceData scaleUp(AudienceData real, int size, long seed) {
        Random random = new Random(seed);
        List<CustomerData> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            CustomerData c = real.customers().get(random.nextInt(real.customers().size()));
            float[] meaning = null;
            if (c.meaning() != null) {
                meaning = c.meaning().clone();
                double norm = 0;
                for (int d = 0; d < meaning.length; d++) {
                    meaning[d] += (float) (random.nextGaussian() * 0.02);
                    norm += meaning[d] * meaning[d];
                }
                for (int d = 0; d < meaning.length; d++) {
                    meaning[d] /= (float) Math.sqrt(norm);
                }
            }
            out.add(new CustomerData(String.format("syn-%07d", i), c.iri(), c.reviews(), meaning, c.categories(),
                    c.aspects(), c.ratingMean(), c.ratingSpread(), c.reviewCount(), c.recencyDays(), c.age(), c.region()));
        }
        return new AudienceData(out, real.reviews(), real.reviewMeanings(), real.texts());
    }

    /** Times each pipeline step, named by its first word ("Clustering", "Describing"...). */
    private static final class StepClock implements SegmentationListener {
        private final Map<String, Double> millis = new LinkedHashMap<>();
        private String current;
        private long since;

        StepClock(long start) {
            since = start;
        }

        @Override
        public void step(int step, int of, String what) {
            long now = System.nanoTime();
            if (current != null) {
                millis.put(current, (now - since) / 1e6);
            }
            current = what.split(" ")[0].toLowerCase(java.util.Locale.ROOT);
            since = now;
        }

        void finish(Map<String, List<Double>> into) {
            step(0, 0, "end");
            millis.forEach((step, ms) -> into.computeIfAbsent(step, k -> new ArrayList<>()).add(ms));
        }
    }

    private String label(String iri) {
        return concepts.byIri(iri).map(Concept::label).orElse(iri);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peak usage since the last reset. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}

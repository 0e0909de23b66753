package app.segmenta.segmentation;

import app.segmenta.audience.AudienceQuery;

import app.segmenta.text.Counts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The segmentation stages over an audience already read: customer features → reduction → clustering →
 * quality and map → describers. Pure computation (no store), so benchmarks and tests can feed it directly.
 */
public final class SegmentationPipeline {

    /** Fewer customers than this cannot make two segments worth describing. */
    public static final int MIN_CUSTOMERS = 2 * KMeansClusterer.MIN_PER_SEGMENT;
    static final int STEPS = 6;

    /**
     * @param k null to choose it
     * @param map auto, pca or umap
     */
    public record Settings(Integer k, String algorithm, long seed, Map<FeatureBlock, Double> weights, String reduction,
                           int dimensions, String map, int umapMaxCustomers, int hdbscanMaxCustomers, int maxK) {
    }

    /**
     * @param space     how customers became rows, kept to place later customers
     * @param centroids each segment's mean row in that space
     */
    public record Result(Segmentation segmentation, FeatureSpace space, double[][] centroids) {
    }

    private final List<SegmentDescriber> describers;

    public SegmentationPipeline(List<SegmentDescriber> describers) {
        this.describers = List.copyOf(describers);
    }

    /** Statistics, then template words. */
    public static SegmentationPipeline standard() {
        return new SegmentationPipeline(List.of(new SegmentStatistics(), new TemplateWriter()));
    }

    public Result run(String id, Instant createdAt, AudienceQuery query, AudienceData data, Settings settings,
                      Function<String, String> conceptLabel, SegmentationListener listener) {
        int n = data.customers().size();
        if (n < MIN_CUSTOMERS) {
            throw new IllegalArgumentException("An audience of " + Counts.of(n, "customer")
                    + " is too small to segment: at least " + MIN_CUSTOMERS + " are needed. Widen the audience.");
        }
        Clusterer clusterer = Clusterer.of(settings.algorithm(), settings.maxK(), settings.hdbscanMaxCustomers());
        Reducer reducer = Reducer.of(settings.reduction(), settings.dimensions(), settings.umapMaxCustomers());
        long seed = settings.seed();

        listener.step(1, STEPS, "Computing features of " + Counts.of(n, "customer"));
        FeatureSpace space = FeatureSpace.fit(data.customers(), settings.weights());
        double[][] features = space.transform(data.customers());

        listener.step(2, STEPS, "Reducing " + Counts.of(space.dimension(), "feature"));
        Reducer.Reduction reduction = reducer.reduce(features, seed);

        listener.step(3, STEPS, String.format(Locale.ROOT, "Clustering %s with %s%s", Counts.of(n, "customer"), clusterer.name(),
                settings.k() == null ? "" : " (k=" + settings.k() + ")"));
        Clusters clusters = clusterer.cluster(reduction.data(), settings.k(), seed);

        listener.step(4, STEPS, "Measuring quality and stability");
        Segmentation.Quality quality = quality(reduction.data(), clusters, clusterer, seed);

        listener.step(5, STEPS, "Laying out the map");
        Segmentation.SegmentMap map = map(id, reduction.data(), clusters, data, settings);

        listener.step(6, STEPS, "Describing " + clusters.k() + " segments");
        DescribeContext context = new DescribeContext(id, data, clusters, reduction.data(), conceptLabel);
        List<Segment> segments = List.of();
        for (SegmentDescriber d : describers) {
            segments = d.describe(context, segments);
        }
        List<String> unassigned = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (clusters.labels()[i] == Clusters.UNASSIGNED) {
                unassigned.add(data.customers().get(i).id());
            }
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (FeatureBlock b : FeatureBlock.values()) {
            weights.put(b.key(), settings.weights().getOrDefault(b, 0.0));
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        space.columnsPerBlock().forEach((b, c) -> columns.put(b.key(), c));
        Segmentation segmentation = new Segmentation(id, createdAt, query, n, clusters.k(), clusterer.name(), seed,
                clusters.reason(), new Segmentation.Settings(weights, columns, reduction.method(), settings.k()), quality, segments,
                unassigned, map);
        return new Result(segmentation, space, Labels.centroids(features, clusters.labels(), clusters.k()));
    }

    private static Segmentation.Quality quality(double[][] rows, Clusters clusters, Clusterer clusterer, long seed) {
        Double silhouette = finite(ClusterQuality.silhouette(rows, clusters.labels(), seed));
        Double daviesBouldin = finite(ClusterQuality.daviesBouldin(rows, clusters.labels(), clusters.k()));
        Double stability = clusters.k() < 2 ? null : finite(ClusterQuality.stability(rows, clusters, clusterer, seed));
        return new Segmentation.Quality(silhouette, daviesBouldin, stability, clusters.unassigned(),
                QualityWords.summary(silhouette, daviesBouldin, stability, clusters.unassigned(), rows.length));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? SegmentStatistics.round(v, 4) : null;
    }

    private static Segmentation.SegmentMap map(String id, double[][] rows, Clusters clusters, AudienceData data,
                                               Settings settings) {
        String method = settings.map().strip().toLowerCase(Locale.ROOT);
        boolean umapFits = rows.length <= settings.umapMaxCustomers() && rows.length > UmapReducer.NEIGHBOURS + 1;
        double[][] xy;
        String how;
        if (method.equals("umap") || method.equals("auto")) {
            if (umapFits) {
                xy = UmapReducer.embed(rows, 2, settings.seed());
                how = "UMAP";
            } else {
                xy = PcaReducer.twoComponents(rows, settings.seed());
                how = String.format(Locale.ROOT, "PCA (UMAP is used up to %,d customers)", settings.umapMaxCustomers());
            }
        } else if (method.equals("pca")) {
            xy = PcaReducer.twoComponents(rows, settings.seed());
            how = "PCA";
        } else {
            throw new IllegalArgumentException("Unknown map layout '" + settings.map() + "': use auto, pca or umap.");
        }
        List<Segmentation.Point> points = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            int label = clusters.labels()[i];
            points.add(new Segmentation.Point(data.customers().get(i).id(), label < 0 ? null : id + "-s" + (label + 1),
                    SegmentStatistics.round(xy[i][0], 4), SegmentStatistics.round(xy[i].length > 1 ? xy[i][1] : 0, 4)));
        }
        return new Segmentation.SegmentMap(how, points);
    }
}

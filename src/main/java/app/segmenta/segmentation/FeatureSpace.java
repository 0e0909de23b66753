package app.segmenta.segmentation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * How customers become vectors. Each block is standardised as a whole: its columns are centred (measurements in
 * different units, such as rating and recency, are also divided by their sd), then the block is scaled so its total
 * variance is its weight squared whatever its width, so 384 embedding dimensions do not drown 4 behaviour
 * columns. Shares are not divided by their sd: a rare aspect stays a small signal instead of turning the two
 * customers who mention it into a segment. A missing value counts as the mean. Kept with a segmentation, so
 * customers who arrive later are placed in the same space.
 */
public record FeatureSpace(List<Column> columns, Map<FeatureBlock, Double> weights) {

    private static final int MAX_REGIONS = 12;

    /**
     * @param dimension the embedding dimension of a MEANING column (-1 for others), parsed once from the key
     * @param sd        divides the centred value (1 for shares)
     * @param scale     the block weight over the root of the block's total variance
     */
    public record Column(FeatureBlock block, String key, int dimension, double mean, double sd, double scale) {

        /** Measurements in their own units are z-scored; shares and embedding dimensions are only centred. */
        static boolean zScored(FeatureBlock block, String key) {
            return block == FeatureBlock.BEHAVIOUR || (block == FeatureBlock.DEMOGRAPHICS && key.equals("age"));
        }
    }

    public static FeatureSpace fit(List<CustomerData> customers, Map<FeatureBlock, Double> weights) {
        Map<FeatureBlock, List<String>> keys = new EnumMap<>(FeatureBlock.class);
        int dimension = customers.stream().filter(c -> c.meaning() != null).mapToInt(c -> c.meaning().length)
                .findFirst().orElse(0);
        List<String> meaning = new ArrayList<>();
        for (int i = 0; i < dimension; i++) {
            meaning.add(Integer.toString(i));
        }
        keys.put(FeatureBlock.MEANING, meaning);
        keys.put(FeatureBlock.CATEGORIES, union(customers, CustomerData::categories));
        keys.put(FeatureBlock.ASPECTS, union(customers, CustomerData::aspects));
        keys.put(FeatureBlock.BEHAVIOUR, List.of("ratingMean", "ratingSpread", "reviews", "recencyDays"));
        List<String> demographics = new ArrayList<>();
        demographics.add("age");
        Map<String, Integer> regions = new HashMap<>();
        customers.stream().filter(c -> c.region() != null).forEach(c -> regions.merge(c.region(), 1, Integer::sum));
        regions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_REGIONS).forEach(e -> demographics.add("region=" + e.getKey()));
        keys.put(FeatureBlock.DEMOGRAPHICS, demographics);

        List<Column> columns = new ArrayList<>();
        for (var entry : keys.entrySet()) {
            double weight = weights.getOrDefault(entry.getKey(), 0.0);
            if (weight <= 0) {
                continue;
            }
            List<String> kept = new ArrayList<>();
            List<double[]> stats = new ArrayList<>();
            double variance = 0;
            for (String key : entry.getValue()) {
                FeatureBlock block = entry.getKey();
                int dim = block == FeatureBlock.MEANING ? Integer.parseInt(key) : -1;
                double[] meanSd = meanAndSd(customers, dim >= 0
                        ? c -> c.meaning() == null ? Double.NaN : c.meaning()[dim]
                        : c -> raw(c, block, key));
                if (meanSd[1] > 1e-9) {
                    boolean z = Column.zScored(entry.getKey(), key);
                    kept.add(key);
                    stats.add(new double[]{meanSd[0], z ? meanSd[1] : 1});
                    variance += z ? 1 : meanSd[1] * meanSd[1];
                }
            }
            for (int i = 0; i < kept.size(); i++) {
                columns.add(new Column(entry.getKey(), kept.get(i),
                        entry.getKey() == FeatureBlock.MEANING ? Integer.parseInt(kept.get(i)) : -1, stats.get(i)[0], stats.get(i)[1],
                        weight / Math.sqrt(variance)));
            }
        }
        return new FeatureSpace(List.copyOf(columns), Map.copyOf(weights));
    }

    public int dimension() {
        return columns.size();
    }

    /** Columns kept per block (blocks with none are absent: no data, or weight 0). */
    public Map<FeatureBlock, Integer> columnsPerBlock() {
        Map<FeatureBlock, Integer> out = new EnumMap<>(FeatureBlock.class);
        columns.forEach(c -> out.merge(c.block(), 1, Integer::sum));
        return out;
    }

    public double[] transform(CustomerData customer) {
        double[] out = new double[columns.size()];
        for (int i = 0; i < out.length; i++) {
            Column c = columns.get(i);
            double v = c.block() == FeatureBlock.MEANING
                    ? (customer.meaning() == null ? Double.NaN : customer.meaning()[c.dimension()])
                    : raw(customer, c.block(), c.key());
            out[i] = Double.isNaN(v) ? 0 : (v - c.mean()) / c.sd() * c.scale();
        }
        return out;
    }

    public double[][] transform(List<CustomerData> customers) {
        return customers.stream().map(this::transform).toArray(double[][]::new);
    }

    private static List<String> union(List<CustomerData> customers, java.util.function.Function<CustomerData, Map<String, Double>> map) {
        TreeSet<String> keys = new TreeSet<>(Comparator.naturalOrder());
        customers.forEach(c -> keys.addAll(map.apply(c).keySet()));
        return List.copyOf(keys);
    }

    static double raw(CustomerData c, FeatureBlock block, String key) {
        return switch (block) {
            case MEANING -> c.meaning() == null ? Double.NaN : c.meaning()[Integer.parseInt(key)];
            case CATEGORIES -> c.categories().getOrDefault(key, 0.0);
            case ASPECTS -> c.aspects().getOrDefault(key, 0.0);
            case BEHAVIOUR -> switch (key) {
                case "ratingMean" -> c.ratingMean();
                case "ratingSpread" -> c.ratingSpread();
                case "reviews" -> Math.log1p(c.reviewCount());
                case "recencyDays" -> c.recencyDays();
                default -> throw new IllegalArgumentException("Unknown behaviour feature " + key);
            };
            case DEMOGRAPHICS -> {
                if (key.equals("age")) {
                    yield c.age() == null ? Double.NaN : c.age();
                }
                String region = key.substring("region=".length());
                yield c.region() == null ? Double.NaN : c.region().equals(region) ? 1 : 0;
            }
        };
    }

    /** Mean and population sd of the values that are not NaN; sd 0 when fewer than two. */
    private static double[] meanAndSd(List<CustomerData> customers, ToDoubleFunction<CustomerData> value) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (CustomerData c : customers) {
            double v = value.applyAsDouble(c);
            if (!Double.isNaN(v)) {
                sum += v;
                squares += v * v;
                n++;
            }
        }
        if (n < 2) {
            return new double[]{n == 1 ? sum : 0, 0};
        }
        double mean = sum / n;
        return new double[]{mean, Math.sqrt(Math.max(0, squares / n - mean * mean))};
    }
}

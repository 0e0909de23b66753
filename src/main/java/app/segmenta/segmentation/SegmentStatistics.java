package app.segmenta.segmentation;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The computed facts of each segment: size and share, distinctive terms, over-represented categories and
 * aspects (lift against the audience), ratings, demographics and representative quotes. Labels are left for
 * the writers after it.
 */
public final class SegmentStatistics implements SegmentDescriber {

    static final int TERMS = 8;
    static final int LIFTS = 5;
    static final int QUOTES = 4;
    /** A category or aspect is over-represented from this lift on, when at least {@link #MIN_SHARE} of members have it. */
    static final double MIN_LIFT = 1.2;
    static final double MIN_SHARE = 0.1;

    @Override
    public List<Segment> describe(DescribeContext context, List<Segment> ignored) {
        AudienceData data = context.data();
        int[] labels = context.clusters().labels();
        int k = context.clusters().k();
        int n = labels.length;
        double[][] centroids = Labels.centroids(context.rows(), labels, k);
        List<List<Integer>> members = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] >= 0) {
                members.get(labels[i]).add(i);
            }
        }
        List<List<String>> texts = members.stream().map(m -> m.stream()
                .flatMap(i -> data.customers().get(i).reviews().stream())
                .map(r -> data.texts().getOrDefault(r, "")).toList()).toList();
        List<List<String>> terms = DistinctiveTerms.of(texts, TERMS);
        Map<String, Double> categoryShares = shares(data.customers(), CustomerData::categories);
        Map<String, Double> aspectShares = shares(data.customers(), CustomerData::aspects);

        List<Segment> out = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            List<Integer> m = members.get(s);
            double[] centre = centroids[s];
            m.sort(Comparator.comparingDouble((Integer i) -> ClusterQuality.distance(context.rows()[i], centre))
                    .thenComparing(i -> data.customers().get(i).id()));
            List<CustomerData> customers = m.stream().map(data.customers()::get).toList();
            out.add(new Segment(context.segmentationId() + "-s" + (s + 1), s + 1, null, null, m.size(),
                    round((double) m.size() / n, 4), customers.stream().map(CustomerData::id).sorted().toList(), List.of(),
                    terms.get(s), lifts(customers, CustomerData::categories, categoryShares, context.conceptLabel(), false),
                    lifts(customers, CustomerData::aspects, aspectShares, context.conceptLabel(), true),
                    ratings(customers, data), demographics(customers), Representatives.pick(m, data, QUOTES), null));
        }
        return out;
    }

    /** Key → share of these customers that have it. */
    private static Map<String, Double> shares(List<CustomerData> customers, Function<CustomerData, Map<String, Double>> of) {
        Map<String, Double> counts = new TreeMap<>();
        customers.forEach(c -> of.apply(c).forEach((key, share) -> {
            if (share > 0) {
                counts.merge(key, 1.0, Double::sum);
            }
        }));
        counts.replaceAll((key, count) -> count / Math.max(1, customers.size()));
        return counts;
    }

    private static List<Segment.Lift> lifts(List<CustomerData> members, Function<CustomerData, Map<String, Double>> of,
                                            Map<String, Double> audience, Function<String, String> label, boolean aspects) {
        return shares(members, of).entrySet().stream()
                .filter(e -> e.getValue() >= MIN_SHARE)
                .map(e -> Map.entry(e.getKey(), new double[]{e.getValue(), e.getValue() / audience.get(e.getKey())}))
                .filter(e -> e.getValue()[1] >= MIN_LIFT)
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[1] * e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(LIFTS)
                .map(e -> {
                    String iri = aspects ? e.getKey().substring(0, e.getKey().indexOf(' ')) : e.getKey();
                    String polarity = aspects ? e.getKey().substring(e.getKey().indexOf(' ') + 1) : null;
                    return new Segment.Lift(iri, label.apply(iri), polarity, round(e.getValue()[0], 3), round(e.getValue()[1], 2));
                }).toList();
    }

    private static Segment.Ratings ratings(List<CustomerData> members, AudienceData data) {
        Map<String, Integer> distribution = new LinkedHashMap<>();
        for (int star = 1; star <= 5; star++) {
            distribution.put(Integer.toString(star), 0);
        }
        double sum = 0;
        int count = 0;
        for (CustomerData c : members) {
            for (String r : c.reviews()) {
                var rating = data.reviews().get(r).rating();
                if (rating != null) {
                    int star = rating.setScale(0, RoundingMode.HALF_UP).intValue();
                    distribution.merge(Integer.toString(Math.clamp(star, 1, 5)), 1, Integer::sum);
                    sum += rating.doubleValue();
                    count++;
                }
            }
        }
        return new Segment.Ratings(count == 0 ? null : round(sum / count, 2), count, distribution);
    }

    private static Segment.Demographics demographics(List<CustomerData> members) {
        Map<String, Integer> ages = new TreeMap<>();
        Map<String, Integer> regions = new TreeMap<>();
        for (CustomerData c : members) {
            if (c.age() != null) {
                ages.merge(ageBand(c.age()), 1, Integer::sum);
            }
            if (c.region() != null) {
                regions.merge(c.region(), 1, Integer::sum);
            }
        }
        Map<String, Integer> topRegions = new LinkedHashMap<>();
        regions.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(LIFTS).forEach(e -> topRegions.put(e.getKey(), e.getValue()));
        return ages.isEmpty() && topRegions.isEmpty() ? null : new Segment.Demographics(ages, topRegions);
    }

    static String ageBand(double age) {
        if (age < 25) {
            return "under 25";
        }
        if (age >= 65) {
            return "65+";
        }
        int low = (int) (Math.floor((age - 25) / 10) * 10 + 25);
        return low + "-" + (low + 9);
    }

    static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}

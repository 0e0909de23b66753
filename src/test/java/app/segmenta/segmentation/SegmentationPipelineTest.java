package app.segmenta.segmentation;

import app.segmenta.audience.AudienceQuery;
import org.junit.jupiter.api.Test;
import smile.validation.metric.AdjustedRandIndex;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentationPipelineTest {

    private static final AudienceQuery EVERYONE = AudienceQuery.of(null, null, null, null);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static Map<FeatureBlock, Double> weights() {
        Map<FeatureBlock, Double> w = new EnumMap<>(FeatureBlock.class);
        w.put(FeatureBlock.MEANING, 1.0);
        w.put(FeatureBlock.CATEGORIES, 1.0);
        w.put(FeatureBlock.ASPECTS, 1.0);
        w.put(FeatureBlock.BEHAVIOUR, 0.5);
        w.put(FeatureBlock.DEMOGRAPHICS, 0.5);
        return w;
    }

    static SegmentationPipeline.Settings settings(Integer k, String algorithm, long seed) {
        return new SegmentationPipeline.Settings(k, algorithm, seed, weights(), "pca", 10, "auto", 1500, 5000, 8);
    }

    private static Segmentation run(AudienceData data, SegmentationPipeline.Settings settings) {
        return SegmentationPipeline.standard().run("test", NOW, EVERYONE, data, settings, iri -> iri.substring(iri.lastIndexOf('/') + 1),
                SegmentationListener.NONE).segmentation();
    }

    /** Segment number of each customer, in customer order. */
    private static int[] labels(Segmentation s, AudienceData data) {
        Map<String, Integer> of = new java.util.HashMap<>();
        s.segments().forEach(seg -> seg.customers().forEach(c -> of.put(c, seg.number())));
        return data.customers().stream().mapToInt(c -> of.getOrDefault(c.id(), 0)).toArray();
    }

    @Test
    void kChosenBySilhouetteFindsTheGroupsAndSaysWhy() {
        AudienceData data = SyntheticAudience.of(40, 0, 1);
        Segmentation s = run(data, settings(null, "kmeans", 42));
        assertThat(s.k()).isEqualTo(3);
        assertThat(s.reason()).contains("silhouette").contains("k=2..8");
        assertThat(s.segments()).allSatisfy(seg -> {
            assertThat(seg.size()).isEqualTo(40);
            assertThat(seg.customers().stream().map(c -> c.substring(0, 2)).distinct()).hasSize(1);
        });
        assertThat(s.quality().silhouette()).isGreaterThan(0.5);
        assertThat(s.quality().stability()).isGreaterThan(0.95);
        assertThat(s.quality().unassigned()).isZero();
        assertThat(s.quality().summary()).contains("silhouette").contains("adjusted Rand");
    }

    @Test
    void theSameInputSettingsAndSeedGiveTheSameSegments() {
        AudienceData data = SyntheticAudience.of(30, 20, 2);
        Segmentation a = run(data, settings(4, "kmeans", 7));
        Segmentation b = run(data, settings(4, "kmeans", 7));
        assertThat(b.segments()).isEqualTo(a.segments());
        assertThat(b.quality()).isEqualTo(a.quality());
        // The UMAP map cannot be seeded in Smile; the PCA map is exact.
        assertThat(a.map().method()).isEqualTo("UMAP");
        assertThat(b.map().points()).extracting(Segmentation.Point::segment)
                .isEqualTo(a.map().points().stream().map(Segmentation.Point::segment).toList());
        var pca = new SegmentationPipeline.Settings(4, "kmeans", 7, weights(), "pca", 10, "pca", 1500, 5000, 8);
        assertThat(run(data, pca).map()).isEqualTo(run(data, pca).map());
        Segmentation other = run(data, settings(4, "kmeans", 8));
        assertThat(AdjustedRandIndex.of(labels(a, data), labels(other, data))).isGreaterThan(0.8);
    }

    @Test
    void everySegmentCarriesComputedFactsAndVerbatimQuotes() {
        AudienceData data = SyntheticAudience.of(40, 0, 3);
        Segmentation s = run(data, settings(3, "kmeans", 42));
        for (Segment seg : s.segments()) {
            int group = Integer.parseInt(seg.customers().getFirst().substring(1, 2));
            assertThat(seg.share()).isEqualTo(40 / 120.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(seg.categories().getFirst().label()).isEqualTo(SyntheticAudience.GROUP_CATEGORY[group]);
            assertThat(seg.categories().getFirst().lift()).isEqualTo(3.0);
            String[] aspect = SyntheticAudience.GROUP_ASPECT[group].split(" ");
            assertThat(seg.aspects().getFirst().label()).isEqualTo(aspect[0]);
            assertThat(seg.aspects().getFirst().polarity()).isEqualTo(aspect[1]);
            assertThat(seg.terms()).containsAnyElementsOf(List.of(SyntheticAudience.GROUP_WORDS[group].split(" ")));
            assertThat(seg.ratings().reviews()).isEqualTo(40);
            assertThat(seg.ratings().distribution().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
            assertThat(seg.quotes()).hasSizeBetween(3, 5);
            assertThat(seg.quotes()).allSatisfy(q -> {
                assertThat(data.texts().get(q.reviewId())).contains(q.text());
                assertThat(seg.customers()).contains(q.customerId());
                assertThat(q.source()).isEqualTo("synthetic.csv");
            });
            assertThat(seg.quotes().stream().map(Segment.Quote::customerId).distinct()).hasSize(seg.quotes().size());
            assertThat(seg.label()).isNotBlank();
            assertThat(seg.description()).contains("40 customers").contains("33%");
        }
        assertThat(s.segments().stream().map(Segment::label).map(String::toLowerCase).distinct()).hasSize(3);
        assertThat(s.settings().weights()).containsEntry("meaning", 1.0).containsEntry("behaviour", 0.5);
        assertThat(s.settings().columns()).containsEntry("meaning", 32).doesNotContainKey("demographics");
        assertThat(s.map().points()).hasSize(120).allSatisfy(p -> assertThat(p.segment()).startsWith("test-s"));
    }

    @Test
    void hdbscanReportsCustomersInNoDenseGroupAsUnassigned() {
        AudienceData data = SyntheticAudience.of(40, 15, 4);
        Segmentation s = run(data, settings(null, "hdbscan", 42));
        assertThat(s.algorithm()).isEqualTo("hdbscan");
        assertThat(s.k()).as(() -> s.segments().stream().map(seg -> seg.customers().stream()
                .collect(Collectors.groupingBy(c -> c.substring(0, 2), Collectors.counting())).toString()).toList() + " " + s.unassigned()).isEqualTo(3);
        assertThat(s.unassigned()).isNotEmpty().allSatisfy(id -> assertThat(id).startsWith("stray-"));
        assertThat(s.quality().unassigned()).isEqualTo(s.unassigned().size());
        int members = s.segments().stream().mapToInt(Segment::size).sum();
        assertThat(members + s.unassigned().size()).isEqualTo(data.customers().size());
        assertThat(s.map().points().stream().filter(p -> p.segment() == null).count()).isEqualTo(s.unassigned().size());
        assertThat(s.quality().summary()).contains("unassigned");
    }

    @Test
    void hdbscanRefusesAudiencesAboveItsMemoryLimitWithAClearMessage() {
        AudienceData data = SyntheticAudience.of(40, 0, 5);
        var tooSmallLimit = new SegmentationPipeline.Settings(null, "hdbscan", 1, weights(), "pca", 10, "pca", 0, 100, 8);
        assertThatThrownBy(() -> run(data, tooSmallLimit)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hdbscan-max-customers").hasMessageContaining("kmeans");
    }

    @Test
    void xMeansChoosesKByItself() {
        Segmentation s = run(SyntheticAudience.of(40, 0, 6), settings(null, "xmeans", 42));
        assertThat(s.algorithm()).isEqualTo("xmeans");
        assertThat(s.k()).isBetween(3, 8);
        assertThat(s.reason()).contains("X-Means").contains("Bayesian");
    }

    @Test
    void badRequestsAreClearErrors() {
        AudienceData tiny = SyntheticAudience.of(2, 0, 7);
        assertThatThrownBy(() -> run(tiny, settings(null, "kmeans", 1))).hasMessageContaining("too small to segment");
        AudienceData data = SyntheticAudience.of(10, 0, 7);
        assertThatThrownBy(() -> run(data, settings(1, "kmeans", 1))).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> run(data, settings(20, "kmeans", 1))).hasMessageContaining("too many");
        assertThatThrownBy(() -> run(data, settings(null, "dbscan", 1))).hasMessageContaining("kmeans, xmeans or hdbscan");
    }

    @Test
    void eachBlockCountsAsItsWeightWhateverItsWidthAndARareAspectStaysSmall() {
        AudienceData data = SyntheticAudience.of(40, 0, 8);
        List<CustomerData> customers = new java.util.ArrayList<>(data.customers());
        CustomerData c = customers.getFirst();
        customers.set(0, new CustomerData(c.id(), c.iri(), c.reviews(), c.meaning(), c.categories(),
                Map.of(CustomerData.aspectKey(SyntheticAudience.ASPECT + "rare", "negative"), 1.0), c.ratingMean(),
                c.ratingSpread(), c.reviewCount(), c.recencyDays(), c.age(), c.region()));
        FeatureSpace space = FeatureSpace.fit(customers, weights());
        double[][] rows = space.transform(customers);
        Map<FeatureBlock, Double> variance = new EnumMap<>(FeatureBlock.class);
        for (int j = 0; j < space.dimension(); j++) {
            double mean = 0;
            for (double[] r : rows) {
                mean += r[j] / rows.length;
            }
            double v = 0;
            for (double[] r : rows) {
                v += (r[j] - mean) * (r[j] - mean) / rows.length;
            }
            variance.merge(space.columns().get(j).block(), v, Double::sum);
        }
        assertThat(variance.get(FeatureBlock.MEANING)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(variance.get(FeatureBlock.ASPECTS)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(variance.get(FeatureBlock.BEHAVIOUR)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-6));
        int rare = java.util.stream.IntStream.range(0, space.dimension())
                .filter(j -> space.columns().get(j).key().contains("rare")).findFirst().orElseThrow();
        // Divided by its own sd, the one customer's 1.0 would be about 11 sd, scaled to about 5.5: alone it would
        // make a segment. Centred only, it is about as large as a common aspect's value.
        int common = java.util.stream.IntStream.range(0, space.dimension())
                .filter(j -> space.columns().get(j).block() == FeatureBlock.ASPECTS && j != rare).findFirst().orElseThrow();
        double commonValue = java.util.Arrays.stream(rows).mapToDouble(r -> r[common]).max().orElseThrow();
        assertThat(rows[0][rare]).isPositive().isLessThan(1.6 * commonValue);
    }

    @Test
    void aLaterCustomerIsPlacedInTheNearestSegment() {
        AudienceData data = SyntheticAudience.of(40, 0, 9);
        var result = SegmentationPipeline.standard().run("test", NOW, EVERYONE, data, settings(3, "kmeans", 42),
                iri -> iri, SegmentationListener.NONE);
        Placement placement = new Placement(result.space(), result.centroids());
        AudienceData more = SyntheticAudience.of(41, 0, 10);
        Set<String> known = new HashSet<>(data.customers().stream().map(CustomerData::id).toList());
        for (CustomerData newcomer : more.customers().stream().filter(c -> c.id().endsWith("-40")).toList()) {
            assertThat(known).doesNotContain(newcomer.id());
            int placed = placement.place(newcomer) + 1;
            Segment seg = result.segmentation().segments().get(placed - 1);
            Set<String> groups = seg.customers().stream().map(id -> id.substring(0, 2)).collect(Collectors.toSet());
            assertThat(groups).containsExactly(newcomer.id().substring(0, 2));
        }
    }
}

package app.segmenta.segmentation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Audiences with known groups, for testing the pipeline without a store: each group has its own embedding centre,
 * category, aspect, rating and words, and optional stray customers who belong to no group.
 */
final class SyntheticAudience {

    static final String CATEGORY = "https://segmenta.app/ns/category/";
    static final String ASPECT = "https://segmenta.app/ns/aspect/";
    static final String[] GROUP_CATEGORY = {"baby", "apparel", "household"};
    static final String[] GROUP_WORDS = {"stroller wheels fold easily", "dress fabric runs small", "wipes scent cleans counters"};
    static final String[] GROUP_ASPECT = {"shipping negative", "fit negative", "scent positive"};

    private SyntheticAudience() {
    }

    static AudienceData of(int perGroup, int strays, long seed) {
        Random random = new Random(seed);
        int dimension = 32;
        float[][] centres = new float[GROUP_CATEGORY.length][dimension];
        for (int g = 0; g < centres.length; g++) {
            centres[g][g * 5] = 1;
        }
        List<CustomerData> customers = new ArrayList<>();
        Map<String, AudienceData.ReviewInfo> reviews = new LinkedHashMap<>();
        Map<String, float[]> meanings = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        int row = 0;
        for (int g = 0; g < centres.length; g++) {
            for (int i = 0; i < perGroup; i++) {
                row++;
                float[] meaning = jitter(centres[g], 0.05, random);
                String text = "Review " + row + ". I bought this and " + GROUP_WORDS[g] + ". " + filler(random) + ".";
                add(customers, reviews, meanings, texts, "g" + g + "-" + i, row, meaning, text,
                        Map.of(CATEGORY + GROUP_CATEGORY[g], 1.0), aspects(g),
                        g == 0 ? 2 : 5);
            }
        }
        for (int i = 0; i < strays; i++) {
            row++;
            float[] meaning = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                meaning[d] = (float) random.nextGaussian();
            }
            normalise(meaning);
            // Scattered in every block: a random mix of the groups' categories and aspects.
            Map<String, Double> categories = new HashMap<>();
            Map<String, Double> aspects = new HashMap<>();
            for (int g = 0; g < GROUP_CATEGORY.length; g++) {
                categories.put(CATEGORY + GROUP_CATEGORY[g], random.nextDouble());
                aspects.putAll(Map.of(aspects(g).keySet().iterator().next(), random.nextDouble()));
            }
            add(customers, reviews, meanings, texts, "stray-" + i, row, meaning, "Stray review " + row + " " + filler(random),
                    categories, aspects, 1 + random.nextInt(5));
        }
        customers.sort(java.util.Comparator.comparing(CustomerData::id));
        return new AudienceData(List.copyOf(customers), reviews, meanings, texts);
    }

    private static Map<String, Double> aspects(int group) {
        String[] parts = GROUP_ASPECT[group].split(" ");
        return Map.of(CustomerData.aspectKey(ASPECT + parts[0], parts[1]), 1.0);
    }

    private static void add(List<CustomerData> customers, Map<String, AudienceData.ReviewInfo> reviews,
                            Map<String, float[]> meanings, Map<String, String> texts, String id, int row, float[] meaning,
                            String text, Map<String, Double> categories, Map<String, Double> aspects, int rating) {
        String review = "urn:review:" + row;
        customers.add(new CustomerData(id, "urn:customer:" + id, List.of(review), meaning, categories, aspects, rating, 0,
                1, row % 30, null, null));
        reviews.put(review, new AudienceData.ReviewInfo(id, "synthetic.csv", row, BigDecimal.valueOf(rating)));
        meanings.put(review, meaning);
        texts.put(review, text);
    }

    private static String filler(Random random) {
        String[] words = {"good", "okay", "arrived", "works", "nice", "price", "again", "today"};
        return words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
    }

    private static float[] jitter(float[] centre, double sd, Random random) {
        float[] v = centre.clone();
        for (int d = 0; d < v.length; d++) {
            v[d] += (float) (random.nextGaussian() * sd);
        }
        normalise(v);
        return v;
    }

    private static void normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int d = 0; d < v.length; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
    }
}

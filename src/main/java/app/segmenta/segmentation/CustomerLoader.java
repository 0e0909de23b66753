package app.segmenta.segmentation;

import app.segmenta.aspects.Polarity;
import app.segmenta.aspects.ReviewAspects;
import app.segmenta.audience.Audience;
import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.Concept;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.ReviewFacts;
import app.segmenta.search.ReviewVectors;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads what segmentation needs about an audience's customers from the graph and the vector index, in a few
 * whole-store scans (cheaper than one query per customer): all their reviews' ratings, dates, categories, aspect
 * mentions and embeddings, and their age and region.
 */
@ApplicationScoped
public class CustomerLoader {

    /** Category mix is rolled up to the top two levels of the taxonomy. */
    static final int CATEGORY_DEPTH = 1;

    private final CatalogService catalog;
    private final ConceptIndex concepts;
    private final ReviewVectors vectors;
    private final ReviewAspects aspects;

    public CustomerLoader(CatalogService catalog, ConceptIndex concepts, ReviewVectors vectors, ReviewAspects aspects) {
        this.catalog = catalog;
        this.concepts = concepts;
        this.vectors = vectors;
        this.aspects = aspects;
    }

    /** The customers of these audience items (their reviews in the audience are the items' reviews). */
    public AudienceData load(List<Audience.Item> items) {
        Map<String, Set<String>> audienceReviews = new TreeMap<>();
        items.forEach(i -> audienceReviews.computeIfAbsent(i.customerId(), c -> new java.util.LinkedHashSet<>()).add(i.reviewId()));
        Map<String, List<ReviewFacts>> facts = new HashMap<>();
        for (ReviewFacts f : catalog.reviewFacts()) {
            if (audienceReviews.containsKey(f.customerId())) {
                facts.computeIfAbsent(f.customerId(), c -> new java.util.ArrayList<>()).add(f);
            }
        }
        Set<String> allReviews = new HashSet<>();
        facts.values().forEach(list -> list.forEach(f -> allReviews.add(f.review())));
        Map<String, float[]> means = vectors.index().meanVectors(allReviews);
        Map<String, List<String>> categories = catalog.reviewCategories();
        Map<String, Map<String, Polarity>> mentions = aspects.mentionsByReview();
        Map<String, Map<String, String>> demographics = catalog.demographics();
        LocalDate newest = facts.values().stream().flatMap(List::stream).map(ReviewFacts::date)
                .filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);

        List<CustomerData> customers = new java.util.ArrayList<>();
        Map<String, AudienceData.ReviewInfo> infos = new LinkedHashMap<>();
        Map<String, ReviewFacts> factByReview = new HashMap<>();
        facts.values().forEach(list -> list.forEach(f -> factByReview.put(f.review(), f)));
        for (var entry : audienceReviews.entrySet()) {
            List<ReviewFacts> own = facts.getOrDefault(entry.getKey(), List.of());
            if (own.isEmpty()) {
                continue; // removed since the audience was read
            }
            customers.add(customer(entry.getKey(), List.copyOf(entry.getValue()), own, means, categories, mentions,
                    demographics.getOrDefault(entry.getKey(), Map.of()), newest));
        }
        for (Audience.Item item : items) {
            ReviewFacts f = factByReview.get(item.reviewId());
            infos.putIfAbsent(item.reviewId(), new AudienceData.ReviewInfo(item.customerId(), item.source(),
                    item.sourceRow(), f == null ? null : f.rating()));
        }
        Map<String, float[]> reviewMeanings = new HashMap<>();
        infos.keySet().forEach(r -> {
            if (means.containsKey(r)) {
                reviewMeanings.put(r, means.get(r));
            }
        });
        return new AudienceData(List.copyOf(customers), infos, reviewMeanings, catalog.reviewTexts(infos.keySet()));
    }

    private CustomerData customer(String id, List<String> audienceReviews, List<ReviewFacts> own,
                                  Map<String, float[]> means, Map<String, List<String>> categories,
                                  Map<String, Map<String, Polarity>> mentions, Map<String, String> demographics,
                                  LocalDate newest) {
        float[] meaning = null;
        Map<String, Double> categoryShares = new TreeMap<>();
        Map<String, Double> aspectShares = new TreeMap<>();
        double ratingSum = 0;
        double ratingSquares = 0;
        int rated = 0;
        LocalDate latest = null;
        for (ReviewFacts f : own) {
            float[] m = means.get(f.review());
            if (m != null) {
                meaning = meaning == null ? new float[m.length] : meaning;
                for (int i = 0; i < m.length; i++) {
                    meaning[i] += m[i];
                }
            }
            Set<String> rolledUp = new HashSet<>();
            for (String concept : categories.getOrDefault(f.review(), List.of())) {
                for (String up : concepts.withAncestors(concept)) {
                    if (concepts.byIri(up).map(Concept::depth).orElse(Integer.MAX_VALUE) <= CATEGORY_DEPTH) {
                        rolledUp.add(up);
                    }
                }
            }
            rolledUp.forEach(c -> categoryShares.merge(c, 1.0, Double::sum));
            mentions.getOrDefault(f.review(), Map.of()).forEach((aspect, polarity) -> {
                if (polarity != Polarity.NEUTRAL) {
                    aspectShares.merge(CustomerData.aspectKey(aspect, polarity.word()), 1.0, Double::sum);
                }
            });
            if (f.rating() != null) {
                double r = f.rating().doubleValue();
                ratingSum += r;
                ratingSquares += r * r;
                rated++;
            }
            if (f.date() != null && (latest == null || f.date().isAfter(latest))) {
                latest = f.date();
            }
        }
        int n = own.size();
        categoryShares.replaceAll((k, v) -> v / n);
        aspectShares.replaceAll((k, v) -> v / n);
        if (meaning != null) {
            normalise(meaning);
        }
        double mean = rated == 0 ? Double.NaN : ratingSum / rated;
        double spread = rated == 0 ? Double.NaN : Math.sqrt(Math.max(0, ratingSquares / rated - mean * mean));
        double recency = latest == null || newest == null ? Double.NaN : ChronoUnit.DAYS.between(latest, newest);
        Double age = parseAge(demographics.get("age"));
        return new CustomerData(id, own.getFirst().customer(), audienceReviews, meaning, categoryShares, aspectShares,
                mean, spread, n, recency, age, demographics.get("region"));
    }

    private static void normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) norm;
            }
        }
    }

    private static Double parseAge(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

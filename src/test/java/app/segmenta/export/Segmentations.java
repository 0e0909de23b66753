package app.segmenta.export;

import app.segmenta.audience.AudienceQuery;
import app.segmenta.segmentation.Persona;
import app.segmenta.segmentation.Segment;
import app.segmenta.segmentation.Segmentation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Segmentations made by hand, to export without running the pipeline. */
final class Segmentations {

    static final String ID = "20250601-120000-beef";

    private Segmentations() {
    }

    static Segmentation of(List<Segment> segments, List<String> unassigned) {
        int customers = segments.stream().mapToInt(Segment::size).sum() + unassigned.size();
        return new Segmentation(ID, Instant.parse("2025-06-01T12:00:00Z"), AudienceQuery.of("baby products", null, null, null),
                customers, segments.size(), "kmeans", 42, "k chosen by silhouette",
                new Segmentation.Settings(Map.of("meaning", 1.0), Map.of("meaning", 384), "pca to 20", null),
                new Segmentation.Quality(0.31, 1.2, 0.9, unassigned.size(), "Segments are fairly distinct and stable."),
                segments, unassigned, new Segmentation.SegmentMap("pca", List.of()));
    }

    static Segment segment(int number, String label, List<String> customers, Persona persona, List<Segment.Quote> quotes) {
        return new Segment(ID + "-s" + number, number, label, "Customers who " + label.toLowerCase() + ".",
                customers.size(), 0.25, customers, List.of(), List.of("late", "box", "courier"),
                List.of(new Segment.Lift("https://segmenta.app/ns/category/strollers", "Strollers", null, 0.6, 2.4)),
                List.of(new Segment.Lift("https://segmenta.app/ns/aspect/shipping", "Shipping & delivery", "negative", 0.8, 1.9)),
                new Segment.Ratings(1.8, customers.size(), Map.of("1", 2)), null, quotes, persona);
    }

    static Persona persona(String name, String writer, List<Segment.Quote> quotes) {
        return new Persona(name, "Parents who wait for parcels.", List.of("Get the order on time"),
                List.of("Late deliveries"), List.of("Say when it ships"), List.of("Order-status email"), quotes, writer, List.of());
    }
}

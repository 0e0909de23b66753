package app.segmenta.assistant;

import app.segmenta.audience.Audience;
import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptRef;
import app.segmenta.catalog.CustomerProfile;
import app.segmenta.segmentation.Persona;
import app.segmenta.segmentation.Segment;
import app.segmenta.segmentation.Segmentation;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The compact records tools answer the model with: ids, counts and verbatim quotes, no prose. */
public final class Briefs {

    private static final int QUOTES = 3;
    private static final int QUOTE_CHARS = 240;

    private Briefs() {
    }

    public record ConceptBrief(String iri, String label, int subCategories) {
    }

    public record Concepts(List<ConceptBrief> categories, List<ConceptBrief> aspects) {
    }

    /** A verbatim excerpt: the first {@value #QUOTE_CHARS} characters of the stored review at most. */
    public record Quote(String reviewId, String customerId, String text) {
    }

    public record AudienceBrief(List<ConceptRef> categories, List<ConceptRef> aspects, String polarity,
                                Map<String, Object> filters, long customers, long reviews, List<Quote> quotes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SegmentBrief(int number, String label, int size, double share, List<String> topAspects,
                               List<String> topCategories, List<String> terms, Persona persona) {
    }

    public record SegmentationBrief(String id, int customers, int k, String algorithm, String quality,
                                    List<SegmentBrief> segments) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomerBrief(String id, Map<String, String> attributes, List<ConceptRef> categories,
                                List<ReviewLine> reviews, Turn.Membership membership) {
    }

    public record ReviewLine(String product, BigDecimal rating, String date, String excerpt) {
    }

    public record ExportBrief(String file, String format, int rows) {
    }

    static AudienceBrief audience(Audience a, CatalogService catalog) {
        List<Audience.Item> top = a.audience().items().stream().limit(QUOTES).toList();
        Map<String, String> texts = catalog.reviewTexts(top.stream().map(Audience.Item::reviewId).toList());
        List<Quote> quotes = top.stream().filter(i -> texts.containsKey(i.reviewId()))
                .map(i -> new Quote(i.reviewId(), i.customerId(), excerpt(texts.get(i.reviewId())))).toList();
        Audience.Interpretation r = a.interpretation();
        return new AudienceBrief(r.categories(), r.aspects(), r.polarity(), r.filters(), a.audience().customers(),
                a.audience().reviews(), quotes);
    }

    static SegmentationBrief segmentation(Segmentation s) {
        List<SegmentBrief> segments = s.segments().stream().map(seg -> new SegmentBrief(seg.number(), seg.label(), seg.size(),
                seg.share(), seg.aspects().stream().limit(3).map(l -> l.label() + " (" + l.polarity() + ")").toList(),
                seg.categories().stream().limit(3).map(Segment.Lift::label).toList(),
                seg.terms().stream().limit(5).toList(), seg.persona())).toList();
        return new SegmentationBrief(s.id(), s.customers(), s.k(), s.algorithm(),
                s.quality() == null ? null : s.quality().summary(), segments);
    }

    static CustomerBrief customer(CustomerProfile p, Turn.Membership membership) {
        List<ReviewLine> reviews = p.reviews().stream().limit(10)
                .map(r -> new ReviewLine(r.product(), r.rating(), r.date(), excerpt(r.text()))).toList();
        return new CustomerBrief(p.id(), p.attributes(), p.categories(), reviews, membership);
    }

    /** A prefix of the stored text, so it stays verbatim. */
    static String excerpt(String text) {
        if (text == null || text.length() <= QUOTE_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', QUOTE_CHARS);
        return text.substring(0, cut > QUOTE_CHARS / 2 ? cut : QUOTE_CHARS);
    }
}

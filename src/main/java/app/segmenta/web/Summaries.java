package app.segmenta.web;

import app.segmenta.audience.Audience;
import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.CustomerAttribute;
import app.segmenta.catalog.ReviewRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The audience summary the chat shows: where its reviews sit in the category tree, and a few of them to read. */
@ApplicationScoped
public class Summaries {

    private static final int SLICES = 8;
    private static final int QUOTES = 5;
    /** Enough reviews for the breakdown's shares; more only costs time. */
    private static final int SAMPLE = 5000;

    private final CatalogService catalog;
    private final ConceptIndex concepts;

    public Summaries(CatalogService catalog, ConceptIndex concepts) {
        this.catalog = catalog;
        this.concepts = concepts;
    }

    boolean adLists() {
        return catalog.anyCustomerHas(CustomerAttribute.EMAIL) || catalog.anyCustomerHas(CustomerAttribute.PHONE);
    }

    Reply.AudienceSummary of(Audience a) {
        if (a == null) {
            return null;
        }
        List<Audience.Item> items = a.audience().items();
        Map<String, Integer> byConcept = new HashMap<>();
        List<String> sample = items.stream().limit(SAMPLE).map(Audience.Item::reviewId).toList();
        for (ReviewRef r : catalog.reviewRefs(sample)) {
            r.concepts().forEach(c -> byConcept.merge(c, 1, Integer::sum));
        }
        List<Reply.Slice> breakdown = byConcept.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(SLICES)
                .map(e -> new Reply.Slice(e.getKey(), concepts.byIri(e.getKey()).map(c -> c.label()).orElse(e.getKey()), e.getValue()))
                .toList();
        Set<String> customers = new HashSet<>();
        List<Reply.QuoteLink> quotes = items.stream().filter(i -> customers.add(i.customerId())).limit(QUOTES)
                .flatMap(i -> catalog.review(i.reviewId()).stream())
                .map(r -> new Reply.QuoteLink(r.iri(), r.customerId(), r.text(), r.product(), r.rating(), r.date(), r.source(),
                        r.sourceRow()))
                .toList();
        return new Reply.AudienceSummary(a.audience().customers(), a.audience().reviews(), breakdown, quotes);
    }
}

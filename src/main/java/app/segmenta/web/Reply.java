package app.segmenta.web;

import app.segmenta.assistant.Answer;
import app.segmenta.audience.Audience;
import app.segmenta.segmentation.Segment;
import app.segmenta.segmentation.Segmentation;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the chat shows for one answer: the answer, with the audience's listing, the segments' member lists and the
 * segment map cut to what a page can draw, and the audience summary (sub-categories, sample quotes with sources).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reply(String type, Answer answer, AudienceSummary summary, boolean adLists) {

    static final int ITEMS = 100;
    static final int MAP_POINTS = 4000;

    /**
     * @param breakdown reviews per category their products are filed under, most first
     * @param quotes    a few matching reviews, one per customer, with where they came from
     */
    public record AudienceSummary(long customers, long reviews, List<Slice> breakdown, List<QuoteLink> quotes) {
    }

    public record Slice(String iri, String label, int reviews) {
    }

    public record QuoteLink(String reviewId, String customerId, String text, String product, BigDecimal rating,
                            String date, String source, long sourceRow) {
    }

    /** @param adLists whether the store has emails or phones, so ad-platform lists would not come out empty */
    static Reply of(Answer a, AudienceSummary summary, boolean adLists) {
        return new Reply("reply", new Answer(a.mode(), a.model(), a.notice(), a.session(), a.answer(), a.interpretation(),
                trim(a.audience()), trim(a.segmentation()), a.comparison(), a.customer(), a.membership(), a.export(),
                a.segmentations(), a.toolCalls()), summary, adLists);
    }

    /** The answer's words, reading and mode, without its results: what the chat log shows of an earlier turn. */
    Reply wordsOnly() {
        Answer a = answer;
        return new Reply(type, new Answer(a.mode(), a.model(), a.notice(), a.session(), a.answer(), a.interpretation(), null,
                null, null, null, null, null, null, List.of()), null, adLists);
    }

    private static Audience trim(Audience a) {
        if (a == null || a.audience().items().size() <= ITEMS) {
            return a;
        }
        Audience.Members m = a.audience();
        return new Audience(a.interpretation(), new Audience.Members(m.customers(), m.reviews(), m.items().subList(0, ITEMS)));
    }

    /**
     * Segments without their member lists (the page shows sizes; downloads carry the members), and every n-th map
     * point past the limit: the map keeps its shape, the page stays quick.
     */
    private static Segmentation trim(Segmentation s) {
        if (s == null) {
            return null;
        }
        List<Segment> segments = s.segments().stream().map(Segment::withoutMemberList).toList();
        if (s.map() == null || s.map().points().size() <= MAP_POINTS) {
            return s.withSegments(segments);
        }
        List<Segmentation.Point> all = s.map().points();
        List<Segmentation.Point> kept = new ArrayList<>();
        double step = (double) all.size() / MAP_POINTS;
        for (int i = 0; i < MAP_POINTS; i++) {
            kept.add(all.get((int) (i * step)));
        }
        return new Segmentation(s.id(), s.createdAt(), s.audienceQuery(), s.customers(), s.k(), s.algorithm(), s.seed(),
                s.reason(), s.settings(), s.quality(), segments, s.unassigned(),
                new Segmentation.SegmentMap(s.map().method(), kept));
    }
}

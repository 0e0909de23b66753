package app.segmenta.export;

import app.segmenta.audience.AudienceQuery;
import app.segmenta.segmentation.Persona;
import app.segmenta.segmentation.Segment;
import app.segmenta.segmentation.Segmentation;
import app.segmenta.text.Counts;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A segmentation's personas as a PDF: a cover page with the segmentation's facts, then one A4 page per segment.
 * The pages are built as a DOM, so review and model text only ever become text nodes: markup in a review prints
 * as the characters it is made of and cannot change the layout. Every text is cut to a length that keeps a
 * segment on its one page (with the sizes in personas.css).
 */
final class PersonaPdf {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String FAMILY = "DejaVu Sans";
    /** DejaVu Sans as the jasperreports-fonts jar ships it. */
    private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";
    private static final byte[] REGULAR = resource(FONTS + "DejaVuSans.ttf");
    private static final byte[] BOLD = resource(FONTS + "DejaVuSans-Bold.ttf");
    private static final byte[] OBLIQUE = resource(FONTS + "DejaVuSans-Oblique.ttf");
    private static final byte[] BOLD_OBLIQUE = resource(FONTS + "DejaVuSans-BoldOblique.ttf");
    private static final CmapLookup GLYPHS = glyphs(REGULAR);
    private static final String CSS = new String(resource("export/personas.css"), StandardCharsets.UTF_8);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** Segments listed on the cover; more would push it onto a second page. */
    private static final int COVER_ROWS = 14;
    private static final int LABEL = 80;
    private static final int NAME = 70;
    private static final int DESCRIPTION = 200;
    private static final int WHO = 260;
    private static final int ITEMS = 3;
    private static final int ITEM = 88;
    private static final int TERMS = 8;
    private static final int TERM = 22;
    private static final int LIFTS = 3;
    private static final int LIFT_LABEL = 28;
    private static final int QUOTES = 3;
    private static final int QUOTE = 180;
    private static final int SHORT = 48;

    static {
        PdfLog.install();
    }

    private final Document doc;

    private PersonaPdf() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            doc = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Segmentation s, Instant exportedAt, OutputStream out) throws IOException {
        Document doc = new PersonaPdf().document(s, exportedAt);
        PdfRendererBuilder builder = new PdfRendererBuilder().useFastMode().withProducer("Segmenta");
        builder.useFont(() -> new ByteArrayInputStream(REGULAR), FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(BOLD), FAMILY, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(OBLIQUE), FAMILY, 400, FontStyle.ITALIC, true);
        builder.useFont(() -> new ByteArrayInputStream(BOLD_OBLIQUE), FAMILY, 700, FontStyle.ITALIC, true);
        builder.withW3cDocument(doc, null).toStream(out).run();
    }

    private Document document(Segmentation s, Instant exportedAt) {
        Element html = doc.createElementNS(XHTML, "html");
        doc.appendChild(html);
        Element head = add(html, "head", null);
        text(head, "title", null, "Personas: segmentation " + s.id());
        text(head, "style", null, CSS);
        Element body = add(html, "body", null);
        cover(add(body, "div", "cover"), s, exportedAt);
        for (Segment seg : s.segments()) {
            segment(add(body, "div", "segment"), s, seg);
        }
        return doc;
    }

    private void cover(Element page, Segmentation s, Instant exportedAt) {
        text(page, "div", "kicker", "Segmenta persona sheets");
        text(page, "h1", null, "Personas");
        Element facts = add(add(page, "table", "facts"), "tbody", null);
        fact(facts, "Segmentation", s.id());
        fact(facts, "Created", WHEN.format(s.createdAt()) + "; exported " + WHEN.format(exportedAt));
        fact(facts, "Audience", clip(audience(s.audienceQuery()), DESCRIPTION));
        fact(facts, "Customers", String.format(Locale.ROOT, "%,d%s", s.customers(), s.unassigned().isEmpty() ? ""
                : String.format(Locale.ROOT, " (%,d in no segment)", s.unassigned().size())));
        fact(facts, "Segments", "k = " + s.k() + ", " + s.algorithm() + ". " + clip(s.reason(), DESCRIPTION));
        fact(facts, "Quality", s.quality() == null ? "not measured" : clip(s.quality().summary(), DESCRIPTION));

        Element overview = add(page, "table", "overview");
        Element head = add(add(overview, "thead", null), "tr", null);
        text(head, "th", "number", "#");
        text(head, "th", null, "Segment");
        text(head, "th", "count", "Customers");
        Element rows = add(overview, "tbody", null);
        s.segments().stream().limit(COVER_ROWS).forEach(seg -> {
            Element row = add(rows, "tr", null);
            text(row, "td", "number", String.valueOf(seg.number()));
            text(row, "td", null, clip(seg.label(), LABEL));
            text(row, "td", "count", String.format(Locale.ROOT, "%,d (%s)", seg.size(), percent(seg.share())));
        });
        if (s.segments().size() > COVER_ROWS) {
            text(page, "p", "muted", "… and " + (s.segments().size() - COVER_ROWS) + " more segments, one page each.");
        }
        text(page, "p", "note", "Each segment has a page: the persona written from its computed facts, what sets "
                + "it apart from the rest of the audience, and quotes from its customers' reviews, word for word.");
    }

    private void segment(Element page, Segmentation s, Segment seg) {
        text(page, "div", "kicker", "Segment " + seg.number() + " of " + s.segments().size() + " · segmentation " + s.id());
        text(page, "h1", null, clip(seg.label(), LABEL));
        String size = String.format(Locale.ROOT, "%s, %s of the audience.", Counts.of(seg.size(), "customer"), percent(seg.share()));
        if (seg.ratings() != null && seg.ratings().mean() != null) {
            size += String.format(Locale.ROOT, " Mean rating %.1f★ over %s.", seg.ratings().mean(), Counts.of(seg.ratings().reviews(), "review"));
        }
        text(page, "p", "lead", size);
        text(page, "p", null, clip(seg.description(), DESCRIPTION));

        Persona p = seg.persona();
        if (p != null) {
            Element box = add(page, "div", "persona");
            text(box, "h2", null, clip(p.name(), NAME));
            text(box, "p", null, clip(p.who(), WHO));
            Element grid = add(add(page, "table", "grid"), "tbody", null);
            Element first = add(grid, "tr", null);
            list(add(first, "td", null), "Goals", p.goals());
            list(add(first, "td", null), "Frustrations", p.frustrations());
            Element second = add(grid, "tr", null);
            list(add(second, "td", null), "What to tell them", p.messaging());
            list(add(second, "td", null), "Where to reach them", p.channels());
        }

        text(page, "h3", null, "What sets them apart");
        if (!seg.terms().isEmpty()) {
            text(page, "p", null, "Distinctive words: " + seg.terms().stream().limit(TERMS).map(t -> clip(t, TERM))
                    .collect(Collectors.joining(", ")));
        }
        Element lifts = add(add(page, "table", "grid"), "tbody", null);
        Element row = add(lifts, "tr", null);
        lifts(add(row, "td", null), "More often in these categories", seg.categories());
        lifts(add(row, "td", null), "More often speak of", seg.aspects());

        List<Segment.Quote> quotes = p != null && !p.quotes().isEmpty() ? p.quotes() : seg.quotes();
        if (!quotes.isEmpty()) {
            text(page, "h3", null, "In their words");
            for (Segment.Quote q : quotes.stream().limit(QUOTES).toList()) {
                Element quote = text(page, "blockquote", null, "“" + clip(q.text(), QUOTE) + "”");
                add(quote, "br", null);
                text(quote, "span", "cite", "customer " + clip(q.customerId(), SHORT) + " · " + clip(q.source(), SHORT)
                        + ", row " + q.sourceRow());
            }
        }
        String writer = p == null || p.writer() == null ? "template" : clip(p.writer(), SHORT);
        text(page, "p", "writer", "Written by " + writer + " from the segment's computed facts"
                + (p == null || p.corrections().isEmpty() ? "." : "; " + p.corrections().size() + " corrected by the grounding check."));
    }

    private void fact(Element table, String name, String value) {
        Element row = add(table, "tr", null);
        text(row, "th", null, name);
        text(row, "td", null, value);
    }

    private void list(Element cell, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        text(cell, "h3", null, title);
        Element ul = add(cell, "ul", null);
        items.stream().limit(ITEMS).forEach(i -> text(ul, "li", null, clip(i, ITEM)));
    }

    private void lifts(Element cell, String title, List<Segment.Lift> lifts) {
        if (lifts.isEmpty()) {
            return;
        }
        text(cell, "div", "muted", title);
        Element table = add(cell, "table", "lifts");
        Element head = add(add(table, "thead", null), "tr", null);
        text(head, "th", null, "");
        text(head, "th", "count", "of them");
        text(head, "th", "count", "vs audience");
        Element body = add(table, "tbody", null);
        for (Segment.Lift l : lifts.stream().limit(LIFTS).toList()) {
            Element row = add(body, "tr", null);
            String polarity = l.polarity() == null ? "" : "negative".equals(l.polarity()) ? " (complaints)"
                    : "positive".equals(l.polarity()) ? " (praise)" : " (" + clip(l.polarity(), 12) + ")";
            text(row, "td", null, clip(l.label(), LIFT_LABEL) + polarity);
            text(row, "td", "count", percent(l.share()));
            text(row, "td", "count", String.format(Locale.ROOT, "%.1f×", l.lift()));
        }
    }

    /** The audience definition in words. */
    static String audience(AudienceQuery q) {
        if (q == null) {
            return "the whole store";
        }
        List<String> parts = new ArrayList<>();
        if (q.category() != null && !q.category().isBlank()) {
            parts.add("categories “" + q.category().strip() + "”");
        }
        if (q.aspect() != null && !q.aspect().isBlank()) {
            parts.add("speaking of “" + q.aspect().strip() + "”" + (q.polarity() == null ? "" : " (" + q.polarity() + ")"));
        } else if (q.polarity() != null && !q.polarity().equals("any")) {
            parts.add(q.polarity() + " reviews");
        }
        if (q.text() != null && !q.text().isBlank()) {
            parts.add("reviews meaning “" + q.text().strip() + "”");
        }
        if (q.minRating() != null || q.maxRating() != null) {
            parts.add("rated " + (q.minRating() == null ? "1" : q.minRating().toPlainString()) + "–"
                    + (q.maxRating() == null ? "5" : q.maxRating().toPlainString()) + "★");
        }
        if (q.from() != null) {
            parts.add("written from " + q.from());
        }
        if (q.to() != null) {
            parts.add("written up to " + q.to());
        }
        q.attributes().forEach((k, v) -> parts.add(k + " = " + v));
        return parts.isEmpty() ? "the whole store" : String.join("; ", parts);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /**
     * One line of printable text at most {@code max} characters long, cut at a word with an ellipsis. Characters
     * the embedded font has no glyph for (emoji, CJK) become U+FFFD, which it has, rather than missing boxes.
     */
    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        text.strip().codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                if (!b.isEmpty() && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
            } else {
                b.appendCodePoint(GLYPHS.getGlyphId(cp) != 0 ? cp : 0xFFFD);
            }
        });
        String s = b.toString().strip();
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        String cut = s.substring(0, s.offsetByCodePoints(0, max - 1));
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut).stripTrailing() + "…";
    }

    private Element add(Node parent, String tag, String cssClass) {
        Element e = doc.createElementNS(XHTML, tag);
        if (cssClass != null) {
            e.setAttribute("class", cssClass);
        }
        parent.appendChild(e);
        return e;
    }

    private Element text(Node parent, String tag, String cssClass, String text) {
        Element e = add(parent, tag, cssClass);
        e.appendChild(doc.createTextNode(text));
        return e;
    }

    private static byte[] resource(String name) {
        try (InputStream in = PersonaPdf.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CmapLookup glyphs(byte[] font) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(font)).getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

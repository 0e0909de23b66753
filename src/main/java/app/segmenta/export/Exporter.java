package app.segmenta.export;

import app.segmenta.audience.Audience;
import app.segmenta.catalog.CatalogService;
import app.segmenta.config.SegmentaConfig;
import app.segmenta.segmentation.Segment;
import app.segmenta.segmentation.Segmentation;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes audiences and segmentations to files in the data directory's exports/ folder, under names the code
 * chooses (never a path from a request): member lists with the customers' attributes, ad-platform lists of
 * hashed contact data, and persona sheets. CSV cells that a spreadsheet would run as a formula are neutralised.
 */
@ApplicationScoped
public class Exporter {

    /**
     * @param rows    data rows (customers for a list, segments for personas)
     * @param leftOut customers an ad-platform list left out for want of an email or phone number
     */
    public record Written(Path file, String format, int rows, int leftOut) {
    }

    /**
     * What to write.
     *
     * @param format  md, json, pdf or csv
     * @param ads     google or meta for that platform's list of hashed emails and phones instead of the member
     *                list (csv only); null for none
     * @param segment one segment's members only, by number (csv only); null for all
     */
    public record Request(String format, String ads, Integer segment) {
        public Request {
            format = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(Locale.ROOT);
            ads = ads == null || ads.isBlank() ? null : AdPlatform.parse(ads).key();
            if ((ads != null || segment != null) && !format.equals("csv")) {
                throw new IllegalArgumentException("Ad-platform lists and one segment's members are csv, not " + format + ".");
            }
        }

        public static Request of(String format) {
            return new Request(format, null, null);
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final ObjectMapper json;
    private final CatalogService catalog;
    private final PhoneNumbers phones;

    @Inject
    public Exporter(SegmentaConfig config, ObjectMapper json, CatalogService catalog) {
        this(config.dataDir().resolve("exports"), json, catalog, config.export().defaultRegion());
    }

    /** @param defaultRegion where a phone number without a country code is (two-letter code) */
    public Exporter(Path dir, ObjectMapper json, CatalogService catalog, String defaultRegion) {
        this.dir = dir;
        this.json = json;
        this.catalog = catalog;
        this.phones = new PhoneNumbers(defaultRegion);
    }

    /** The Content-Type of a format. */
    public static String mediaType(String format) {
        return switch (format) {
            case "pdf" -> "application/pdf";
            case "json" -> "application/json";
            case "md" -> "text/markdown; charset=UTF-8";
            default -> "text/csv; charset=UTF-8";
        };
    }

    public Written audience(Audience audience, String format) {
        return audience(audience, Request.of(format));
    }

    /** Members as CSV (id, matching reviews, attributes) or an ad-platform list; the whole result as JSON. */
    public Written audience(Audience audience, Request r) {
        if (r.segment() != null) {
            throw new IllegalArgumentException("An audience has no segments: segment it, then export the segmentation.");
        }
        Map<String, Integer> reviews = new LinkedHashMap<>();
        audience.audience().items().forEach(i -> reviews.merge(i.customerId(), 1, Integer::sum));
        if (r.ads() != null) {
            return ads("audience", List.copyOf(reviews.keySet()), AdPlatform.parse(r.ads()));
        }
        return switch (r.format()) {
            case "csv" -> {
                List<MemberCsv.Row> rows = reviews.entrySet().stream()
                        .map(e -> new MemberCsv.Row(e.getKey(), List.of(e.getValue()))).toList();
                yield members("audience", List.of("matching_reviews"), rows);
            }
            case "json" -> write("audience", "json", reviews.size(), 0, text(w -> json.writerWithDefaultPrettyPrinter().writeValue(w, audience)));
            default -> throw new IllegalArgumentException("An audience exports as csv or json, not " + r.format() + ".");
        };
    }

    public Written segmentation(Segmentation s, String format) {
        return segmentation(s, Request.of(format));
    }

    /**
     * Members as CSV (customer, segment, label, attributes; customers in no segment last, with empty segment
     * columns) or an ad-platform list; personas as Markdown, JSON or a PDF with one page per segment.
     */
    public Written segmentation(Segmentation s, Request r) {
        String name = "segmentation-" + s.id() + (r.segment() == null ? "" : "-s" + r.segment());
        return switch (r.format()) {
            case "csv" -> {
                List<MemberCsv.Row> rows = new ArrayList<>();
                for (Segment seg : segments(s, r.segment())) {
                    seg.customers().forEach(c -> rows.add(new MemberCsv.Row(c, List.of(seg.id(), seg.number(), seg.label()))));
                }
                if (r.segment() == null) {
                    s.unassigned().forEach(c -> rows.add(new MemberCsv.Row(c, List.of("", "", ""))));
                }
                if (r.ads() != null) {
                    yield ads(name, rows.stream().map(MemberCsv.Row::customerId).toList(), AdPlatform.parse(r.ads()));
                }
                yield members(name, List.of("segment_id", "segment_number", "segment_label"), rows);
            }
            case "md" -> write(name, "md", s.segments().size(), 0, text(w -> w.write(PersonaMarkdown.of(s))));
            case "json" -> write(name, "json", s.segments().size(), 0, text(w -> json.writerWithDefaultPrettyPrinter().writeValue(w, s)));
            case "pdf" -> write(name, "pdf", s.segments().size(), 0, out -> PersonaPdf.write(s, Instant.now(), out));
            default -> throw new IllegalArgumentException("A segmentation exports as md, json, pdf or csv, not " + r.format() + ".");
        };
    }

    private static List<Segment> segments(Segmentation s, Integer number) {
        if (number == null) {
            return s.segments();
        }
        return s.segments().stream().filter(seg -> seg.number() == number).findFirst().map(List::of)
                .orElseThrow(() -> new IllegalArgumentException("Segmentation " + s.id() + " has segments 1 to "
                        + s.segments().size() + ", not " + number + "."));
    }

    private Written members(String name, List<String> own, List<MemberCsv.Row> rows) {
        Map<String, Map<String, String>> attributes = catalog.customerAttributes(rows.stream().map(MemberCsv.Row::customerId).toList());
        return write(name, "csv", rows.size(), 0, text(w -> MemberCsv.write(w, own, rows, attributes)));
    }

    private Written ads(String name, List<String> customerIds, AdPlatform platform) {
        AdList list = AdList.of(platform, phones, customerIds, catalog.customerAttributes(customerIds));
        return write(name + "-" + platform.key(), "csv", list.rows().size(), list.leftOut(), text(w -> {
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(list.header().toArray(String[]::new)).get())) {
                p.printRecords(list.rows());
            }
        }));
    }

    /** A cell a spreadsheet would evaluate (=, +, -, @, tab, CR at the start) gets a leading apostrophe. */
    public static String safe(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private interface TextBody {
        void write(Writer w) throws IOException;
    }

    private static Body text(TextBody body) {
        return out -> {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                body.write(w);
            }
        };
    }

    private Written write(String name, String ext, int rows, int leftOut, Body body) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + "-" + STAMP.format(Instant.now()) + "." + ext);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    body.write(out);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return new Written(file, ext, rows, leftOut);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export: " + e.getMessage(), e);
        }
    }
}

package app.segmenta.export;

import app.segmenta.audience.Audience;
import app.segmenta.config.SegmentaConfig;
import app.segmenta.segmentation.Segment;
import app.segmenta.segmentation.Segmentation;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes audiences and segmentations to files in the data directory's exports/ folder, under names the code
 * chooses (never a path from a request). CSV cells that a spreadsheet would run as a formula are neutralised.
 */
@ApplicationScoped
public class Exporter {

    /** @param rows data rows (customers for a list, segments for personas) */
    public record Written(Path file, String format, int rows) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final ObjectMapper json;

    public Exporter(SegmentaConfig config, ObjectMapper json) {
        this.dir = config.dataDir().resolve("exports");
        this.json = json;
    }

    /** One row per customer: id, how many of their reviews matched. */
    public Written audience(Audience audience, String format) {
        Map<String, Integer> reviews = new LinkedHashMap<>();
        audience.audience().items().forEach(i -> reviews.merge(i.customerId(), 1, Integer::sum));
        return switch (format) {
            case "csv" -> write("audience", "csv", reviews.size(), w -> {
                try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("customer_id", "matching_reviews").get())) {
                    for (var e : reviews.entrySet()) {
                        p.printRecord(safe(e.getKey()), e.getValue());
                    }
                }
            });
            case "json" -> write("audience", "json", reviews.size(), w -> json.writerWithDefaultPrettyPrinter().writeValue(w, audience));
            default -> throw new IllegalArgumentException("An audience exports as csv or json, not " + format + ".");
        };
    }

    /** Members as CSV (customer, segment, label); personas as Markdown or JSON. */
    public Written segmentation(Segmentation s, String format) {
        String name = "segmentation-" + s.id();
        return switch (format) {
            case "csv" -> write(name, "csv", s.segments().stream().mapToInt(Segment::size).sum(), w -> {
                try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                        .setHeader("customer_id", "segment_id", "segment_number", "segment_label").get())) {
                    for (Segment seg : s.segments()) {
                        for (String c : seg.customers()) {
                            p.printRecord(safe(c), seg.id(), seg.number(), safe(seg.label()));
                        }
                    }
                }
            });
            case "md" -> write(name, "md", s.segments().size(), w -> w.write(PersonaMarkdown.of(s)));
            case "json" -> write(name, "json", s.segments().size(), w -> json.writerWithDefaultPrettyPrinter().writeValue(w, s));
            default -> throw new IllegalArgumentException("A segmentation exports as md, json or csv, not " + format
                    + ". (PDF persona sheets arrive with the web app.)");
        };
    }

    /** A cell a spreadsheet would evaluate (=, +, -, @, tab, CR at the start) gets a leading apostrophe. */
    public static String safe(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private Written write(String name, String ext, int rows, Body body) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + "-" + STAMP.format(Instant.now()) + "." + ext);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return new Written(file, ext, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export: " + e.getMessage(), e);
        }
    }

}

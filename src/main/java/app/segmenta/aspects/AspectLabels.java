package app.segmenta.aspects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reviews labelled by reading them for every aspect of the scheme, complaint and praise (the 14-aspect set; its
 * guidelines are in the tests' {@code labelled/aspects14/}): {@code complaints} and {@code praise} hold the aspects'
 * names separated by {@code ;}.
 */
public record AspectLabels(List<Review> reviews, String source) {

    public record Review(String source, long row, BigDecimal rating, String title, String text, Set<String> complaints,
                         Set<String> praise) {
    }

    static final String RESOURCE = "aspects/training14.csv";

    /** The training split that ships with the app (the evaluation split stays with the tests). */
    public static AspectLabels shipped() {
        return Shipped.SET;
    }

    private static final class Shipped {
        static final AspectLabels SET = load();
    }

    private static AspectLabels load() {
        try (java.io.InputStream in = AspectLabels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing from the build: " + RESOURCE);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return read(new java.io.StringReader(text), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether a CSV header is this format's rather than the one-column-per-aspect training set's. */
    public static boolean isThisFormat(List<String> header) {
        return header.contains("complaints") && header.contains("praise");
    }

    public static AspectLabels read(Reader reader, String source) throws IOException {
        try (CSVParser p = CSVParser.builder().setReader(reader)
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            if (!isThisFormat(p.getHeaderNames())) {
                throw new IllegalArgumentException(source + " has no complaints and praise columns");
            }
            return new AspectLabels(p.getRecords().stream().map(AspectLabels::review).toList(), source);
        }
    }

    private static Review review(CSVRecord r) {
        String rating = r.get("rating");
        return new Review(r.get("source"), Long.parseLong(r.get("row")), rating.isBlank() ? null : new BigDecimal(rating),
                r.get("title"), r.get("text"), names(r.get("complaints")), names(r.get("praise")));
    }

    private static Set<String> names(String value) {
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}

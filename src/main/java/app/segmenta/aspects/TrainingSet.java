package app.segmenta.aspects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reviews labelled by reading them (see {@code aspects/README.md}); a column per labelled aspect, 1 for a
 * complaint about it. The same format as the held-out evaluation set in the tests.
 */
public record TrainingSet(List<Labelled> reviews, Set<String> aspects, String source) {

    static final String RESOURCE = "aspects/training.csv";
    private static final Set<String> NOT_ASPECTS = Set.of("source", "row", "rating", "title", "text", "pool", "note");

    public record Labelled(String source, long row, BigDecimal rating, String title, String text,
                           Map<String, Boolean> complaints) {
    }

    public static TrainingSet shipped() {
        try (InputStream in = TrainingSet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing from the build: " + RESOURCE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return read(new java.io.StringReader(text), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TrainingSet read(Reader reader, String source) throws IOException {
        try (CSVParser p = CSVParser.builder().setReader(reader)
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            Set<String> aspects = p.getHeaderNames().stream().filter(h -> !NOT_ASPECTS.contains(h))
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            List<Labelled> rows = p.getRecords().stream().map(r -> labelled(r, aspects)).toList();
            return new TrainingSet(rows, aspects, source);
        }
    }

    private static Labelled labelled(CSVRecord r, Set<String> aspects) {
        Map<String, Boolean> labels = aspects.stream().collect(Collectors.toMap(a -> a, a -> r.get(a).equals("1")));
        String rating = r.get("rating");
        return new Labelled(r.get("source"), Long.parseLong(r.get("row")),
                rating.isBlank() ? null : new BigDecimal(rating), r.isMapped("title") ? r.get("title") : "", r.get("text"), labels);
    }
}

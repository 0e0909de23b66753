package app.segmenta.search;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labelled set stays what its README says, and its texts, like those of the 14-aspect set's two splits, are
 * verbatim copies of the shared data.
 */
class LabelledSetTest {

    static final Path FILE = Path.of("src/test/resources/labelled/aspect-labels.csv");
    private static final Pattern OBVIOUS = Pattern.compile("ship|deliver|arriv", Pattern.CASE_INSENSITIVE);

    private static final List<Path> VERBATIM = List.of(FILE, Path.of("src/test/resources/labelled/aspects14/eval.csv"),
            Path.of("src/main/resources/aspects/training14.csv"));

    static List<CSVRecord> rows() throws IOException {
        return rows(FILE);
    }

    static List<CSVRecord> rows(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return p.getRecords();
        }
    }

    @Test
    void holdsEnoughPositivesAndHardNegatives() throws IOException {
        List<CSVRecord> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(400);
        List<CSVRecord> shipping = rows.stream().filter(r -> r.get("shipping").equals("1")).toList();
        assertThat(shipping).hasSizeGreaterThanOrEqualTo(60);
        assertThat(shipping.stream().filter(r -> !OBVIOUS.matcher(r.get("title") + " " + r.get("text")).find()))
                .as("shipping complaints without the obvious words").hasSizeGreaterThanOrEqualTo(10);
        assertThat(rows.stream().filter(r -> r.get("shipping").equals("0") && OBVIOUS.matcher(r.get("text")).find()))
                .as("hard negatives that mention delivery").hasSizeGreaterThanOrEqualTo(100);
        Set<String> keys = new HashSet<>();
        rows.forEach(r -> assertThat(keys.add(r.get("source") + "#" + r.get("row"))).isTrue());
    }

    @Test
    void textsAreVerbatimRecordsOfTheSharedFiles() throws IOException {
        Path shared = Path.of("..", "shared", "data");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shared), "../shared/data is not here");
        Map<String, String> textColumn = Map.of("baby-product-reviews.csv", "review",
                "product-reviews-multicategory.csv", "reviews_text", "womens-clothing-reviews.csv", "Review Text");
        Map<String, Map<Long, String>> texts = new HashMap<>();
        for (var e : textColumn.entrySet()) {
            Map<Long, String> byRow = new HashMap<>();
            try (Reader r = Files.newBufferedReader(shared.resolve(e.getKey()), StandardCharsets.UTF_8);
                 CSVParser p = CSVParser.builder().setReader(r)
                         .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                                 .setAllowMissingColumnNames(true).get()).get()) {
                long n = 0;
                for (CSVRecord rec : p) {
                    byRow.put(++n, rec.get(e.getValue()));
                }
            }
            texts.put(e.getKey(), byRow);
        }
        for (Path file : VERBATIM) {
            for (CSVRecord r : rows(file)) {
                assertThat(texts.get(r.get("source")).get(Long.parseLong(r.get("row"))).strip())
                        .as(file + ": " + r.get("source") + " row " + r.get("row")).isEqualTo(r.get("text"));
            }
        }
    }
}

package app.segmenta.export;

import app.segmenta.audience.Audience;
import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.GraphStore;
import app.segmenta.ingest.ImportListener;
import app.segmenta.ingest.ImportOptions;
import app.segmenta.ingest.Importer;
import app.segmenta.segmentation.Segmentation;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Member lists and ad-platform lists over a real TDB2 store that imported the contacts fixture. */
class ExporterTest {

    @TempDir
    Path dir;
    private GraphStore store;
    private Exporter exporter;

    @BeforeEach
    void importContacts() {
        store = new GraphStore(dir.resolve("tdb2"));
        new Importer(store, new ConceptIndex(), 100).importFile(Path.of("src/test/resources/fixtures/contacts.csv"),
                ImportOptions.DEFAULTS, ImportListener.NONE);
        exporter = new Exporter(dir.resolve("exports"), new ObjectMapper().findAndRegisterModules(),
                new CatalogService(store, new ConceptIndex()), "US");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Segmentation segmentation() {
        return Segmentations.of(List.of(
                Segmentations.segment(1, "=HYPERLINK(\"http://evil\")", List.of("c-1", "c-2", "=c6"), null, List.of()),
                Segmentations.segment(2, "Quiet sheet buyers", List.of("c-3", "c-4"), null, List.of())), List.of("c-5"));
    }

    /** Header name → value, row by row. */
    private static List<Map<String, String>> read(Exporter.Written w) throws IOException {
        try (CSVParser p = CSVParser.parse(w.file(), StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords().stream().map(CSVRecord::toMap).toList();
        }
    }

    private static List<String> header(Exporter.Written w) throws IOException {
        try (CSVParser p = CSVParser.parse(w.file(), StandardCharsets.UTF_8, CSVFormat.DEFAULT.builder().setHeader().get())) {
            return p.getHeaderNames();
        }
    }

    @Test
    void segmentationMembersHaveTheirSegmentAndEveryAttributeThatIsPresentWithFormulasNeutralised() throws IOException {
        Exporter.Written w = exporter.segmentation(segmentation(), "csv");
        assertThat(w.file().getParent()).isEqualTo(dir.resolve("exports"));
        assertThat(w.file().getFileName().toString()).startsWith("segmentation-" + Segmentations.ID + "-").endsWith(".csv");
        assertThat(header(w)).containsExactly("customer_id", "segment_id", "segment_number", "segment_label",
                "age", "city", "country", "email", "phone");
        List<Map<String, String>> rows = read(w);
        assertThat(w.rows()).isEqualTo(6).isEqualTo(rows.size());
        assertThat(rows).extracting(r -> r.get("customer_id")).containsExactly("c-1", "c-2", "'=c6", "c-3", "c-4", "c-5");

        Map<String, String> first = rows.getFirst();
        assertThat(first.get("segment_id")).isEqualTo(Segmentations.ID + "-s1");
        assertThat(first.get("segment_number")).isEqualTo("1");
        assertThat(first.get("segment_label")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(first.get("age")).isEqualTo("34");
        assertThat(first.get("city")).isEqualTo("Austin");
        assertThat(first.get("email")).as("as imported; only the ad lists normalise").isEqualTo("John_Smith@gmail.com");
        assertThat(first.get("phone")).isEqualTo("(650) 555-1212");
        assertThat(rows.get(2).get("city")).isEqualTo("'-Leeds");
        assertThat(rows.get(4).get("segment_label")).isEqualTo("Quiet sheet buyers");
        assertThat(rows.get(5)).as("a customer in no segment is listed, with empty segment columns")
                .containsEntry("segment_id", "").containsEntry("segment_label", "").containsEntry("city", "Denver");

        Exporter.Written one = exporter.segmentation(segmentation(), new Exporter.Request("csv", null, 2));
        assertThat(one.file().getFileName().toString()).contains("-s2-");
        assertThat(read(one)).extracting(r -> r.get("customer_id")).containsExactly("c-3", "c-4");
        assertThat(header(one)).as("only attributes these customers have")
                .containsExactly("customer_id", "segment_id", "segment_number", "segment_label", "age", "city", "country", "email", "phone");
    }

    @Test
    void audienceMembersCountTheirMatchingReviewsAndCarryTheirAttributes() throws IOException {
        Audience a = new Audience(new Audience.Interpretation(List.of(), List.of(), "any", Map.of()),
                new Audience.Members(2, 3, List.of(
                        new Audience.Item("r1", "c-3", "contacts.csv", 3, 1.0, "why"),
                        new Audience.Item("r2", "c-5", "contacts.csv", 5, 1.0, "why"),
                        new Audience.Item("r3", "c-3", "contacts.csv", 9, 1.0, "why"))));
        Exporter.Written w = exporter.audience(a, "csv");
        assertThat(header(w)).containsExactly("customer_id", "matching_reviews", "age", "city", "country", "email");
        assertThat(read(w)).containsExactly(
                Map.of("customer_id", "c-3", "matching_reviews", "2", "age", "29", "city", "", "country", "US", "email", "test@example.com"),
                Map.of("customer_id", "c-5", "matching_reviews", "1", "age", "", "city", "Denver", "country", "", "email", ""));
    }

    @Test
    void googleListsHashEmailsWithoutGmailDotsOrTagsAndPhonesInE164() throws IOException {
        Exporter.Written w = exporter.segmentation(segmentation(), new Exporter.Request("csv", "google", null));
        assertThat(w.file().getFileName().toString()).contains("-google-");
        assertThat(header(w)).containsExactly("Email", "Phone");
        assertThat(read(w)).containsExactly(
                // john_smith@gmail.com, and +16505551212: no country on record, so the default region (US)
                Map.of("Email", "62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f",
                        "Phone", "1e231c66011e7a2d867a9cfae267a6aff103cf4913640b6e71a99850fc0ffbc8"),
                // cloudysanfrancisco@googlemail.com, +442071838750
                Map.of("Email", "332ed5427d17deb381928a719533e85046d68d7e45553abb805852b7d631fcb7",
                        "Phone", "e631c2534428c6c9b48c2167604a8983046085e43a2c00ed748733c544c0bb4d"),
                // test@example.com
                Map.of("Email", "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b", "Phone", ""),
                // +447400123456: a national number read in the customer's own country (GB)
                Map.of("Email", "", "Phone", "42665f0be57cc01155844c5bf6ed208c2a32f8da144a949a2f7b69f007810eb6"));
        assertThat(w.rows()).isEqualTo(4);
        assertThat(w.leftOut()).as("c-5 has no contact data; =c6 has neither a real address nor a valid number").isEqualTo(2);
    }

    @Test
    void metaListsHashTrimmedLowercaseEmailsAndPhoneDigitsWithTheirCountryCode() throws IOException {
        Exporter.Written w = exporter.segmentation(segmentation(), new Exporter.Request("csv", "meta", 1));
        assertThat(header(w)).containsExactly("email", "phone");
        assertThat(read(w)).containsExactly(
                // Meta's own examples: John_Smith@gmail.com and (650)555-1212 in the US
                Map.of("email", "62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f",
                        "phone", "e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176"),
                // cloudy.sanfrancisco+shopping@googlemail.com (Meta keeps dots and tags), 442071838750
                Map.of("email", "c895d77b28e846906dc40b1c9eed07e12031625e65e763f107eec4609e2aaaaa",
                        "phone", "8d5f937f3a5590634cbe975951a6aa1543170671ce6e73cce4062f4e8c288417"));
        assertThat(w.leftOut()).isEqualTo(1);
    }

    @Test
    void requestsThatMakeNoSenseAreClearErrors() {
        assertThatThrownBy(() -> new Exporter.Request("pdf", "google", null)).hasMessageContaining("csv, not pdf");
        assertThatThrownBy(() -> new Exporter.Request("csv", "tiktok", null)).hasMessageContaining("google or meta, not 'tiktok'");
        assertThatThrownBy(() -> exporter.segmentation(segmentation(), "xlsx")).hasMessageContaining("md, json, pdf or csv, not xlsx");
        assertThatThrownBy(() -> exporter.segmentation(segmentation(), new Exporter.Request("csv", null, 9)))
                .hasMessageContaining("has segments 1 to 2, not 9");
        assertThatThrownBy(() -> new Exporter(dir, new ObjectMapper(), null, "Narnia"))
                .hasMessageContaining("segmenta.export.default-region");
        assertThat(new Exporter.Request(" PDF ", "", null).format()).isEqualTo("pdf");
    }

    @Test
    void customerAttributesLeaveOutUnknownCustomersAndThoseWithoutAny() {
        Map<String, Map<String, String>> a = new CatalogService(store, new ConceptIndex())
                .customerAttributes(List.of("c-3", "nobody"));
        assertThat(a).containsOnlyKeys("c-3");
        assertThat(a.get("c-3")).containsExactly(Map.entry("age", "29"), Map.entry("country", "US"),
                Map.entry("email", "test@example.com"));
    }
}

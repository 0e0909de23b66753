package app.segmenta.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusMainTest
@TestProfile(CliTest.FreshDataDirectory.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static class FreshDataDirectory implements QuarkusTestProfile {
        static final String DIR = "target/test-data/cli-" + UUID.randomUUID();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("segmenta.data-dir", DIR);
        }
    }

    @Test
    @Order(1)
    void commandsOtherThanImportSayThereIsNoDataYet(QuarkusMainLauncher launcher) {
        for (String[] command : new String[][]{{"categories"}, {"customer", "c1"}}) {
            LaunchResult r = launcher.launch(command);
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.getErrorOutput()).contains("no data yet: import a file or run serve to load the demo");
        }
        assertThat(java.nio.file.Path.of(FreshDataDirectory.DIR, "tdb2")).as("asking creates no database").doesNotExist();
    }

    @Test
    @Order(2)
    void importJsonHasTheDocumentedShape(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult r = launcher.launch("import", "src/test/resources/fixtures/malformed.csv", "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode json = JSON.readTree(r.getOutput());
        assertThat(fieldNames(json)).startsWith("read", "imported", "updated", "unchanged", "skipped", "unmappedCategories");
        assertThat(json.get("read").asLong()).isEqualTo(11);
        assertThat(json.get("imported").asLong()).isEqualTo(6);
        assertThat(json.get("skipped").get(0).get("row").asLong()).isEqualTo(4);
        assertThat(json.get("skipped").get(0).get("reason").asText()).isEqualTo("missing review text");
        assertThat(json.get("unmappedCategories").get(0).get("label").asText()).isEqualTo("Gizmos > Widgets");
        assertThat(json.get("unmappedCategories").get(0).get("reviews").asLong()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void importingAgainSaysNothingIsNew(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("import", "src/test/resources/fixtures/malformed.csv");
        assertThat(r.exitCode()).isZero();
        assertThat(r.getOutput()).contains("Nothing new: all 6 valid rows were already imported.");
    }

    @Test
    @Order(4)
    void categoriesJsonCountsEveryDescendant(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult r = launcher.launch("categories", "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode baby = null;
        for (JsonNode c : JSON.readTree(r.getOutput()).get("concepts")) {
            assertThat(fieldNames(c)).containsExactly("iri", "label", "broader", "reviews", "customers");
            if (c.get("label").asText().equals("Baby")) {
                baby = c;
            }
        }
        assertThat(baby).isNotNull();
        assertThat(baby.get("reviews").asLong()).isEqualTo(5);
        assertThat(baby.get("customers").asLong()).isEqualTo(4);
        assertThat(baby.get("broader")).isEmpty();
        assertThat(launcher.launch("categories").getOutput()).contains("Baby").contains("Nursery furniture");
    }

    @Test
    @Order(5)
    void customerProfile(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult r = launcher.launch("customer", "c1", "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode json = JSON.readTree(r.getOutput());
        assertThat(json.get("id").asText()).isEqualTo("c1");
        assertThat(json.get("attributes").get("city").asText()).isEqualTo("Austin");
        assertThat(json.get("reviews")).hasSize(2);
        assertThat(launcher.launch("customer", "c1").getOutput()).contains("Cozy Crib").contains("malformed.csv row 1");
        assertThat(launcher.launch("customer", "nobody").exitCode()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void aBadFileIsOneClearErrorAndANonZeroExit(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("import", "src/test/resources/fixtures/no-such-file.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).contains("error: No such file");
        LaunchResult wrong = launcher.launch("import", "--format", "tsv", "src/test/resources/fixtures/malformed.csv");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.getErrorOutput()).contains("does not look tab-separated");
    }

    @Test
    @Order(7)
    void audienceJsonHasTheDocumentedShape(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult r = launcher.launch("audience", "--category", "baby products", "--text", "never arrived", "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode json = JSON.readTree(r.getOutput());
        assertThat(fieldNames(json)).containsExactly("interpretation", "audience");
        assertThat(fieldNames(json.get("interpretation"))).containsExactly("categories", "aspects", "polarity", "filters");
        assertThat(json.get("interpretation").get("categories").get(0).get("label").asText()).isEqualTo("Baby");
        JsonNode item = json.get("audience").get("items").get(0);
        assertThat(fieldNames(item)).containsExactly("reviewId", "customerId", "source", "sourceRow", "score", "why");
        assertThat(item.get("sourceRow").asLong()).isEqualTo(10);
        assertThat(json.get("audience").get("reviews").asLong()).isEqualTo(json.get("audience").get("items").size());
        LaunchResult unknown = launcher.launch("audience", "--category", "spaceships");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.getErrorOutput()).contains("No category matches 'spaceships'");
    }

    @Test
    @Order(8)
    void audienceByAspectShowsHowTheWordsWereRead(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult r = launcher.launch("audience", "--category", "baby products", "--aspect", "delivery",
                "--polarity", "negative", "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode json = JSON.readTree(r.getOutput());
        JsonNode aspects = json.get("interpretation").get("aspects");
        assertThat(aspects.get(0).get("label").asText()).isEqualTo("Shipping & delivery");
        assertThat(aspects.get(0).get("iri").asText()).isEqualTo("https://segmenta.app/ns/aspect/shipping");
        assertThat(json.get("interpretation").get("polarity").asText()).isEqualTo("negative");
        JsonNode items = json.get("audience").get("items");
        List<Long> rows = new ArrayList<>();
        items.forEach(i -> rows.add(i.get("sourceRow").asLong()));
        assertThat(rows).contains(10L).doesNotContain(1L, 7L);
        LaunchResult text = launcher.launch("audience", "--aspect", "delivery", "--polarity", "negative");
        assertThat(text.getOutput()).contains("aspects Shipping & delivery; polarity negative");
        LaunchResult bad = launcher.launch("audience", "--aspect", "delivery", "--polarity", "angry");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.getErrorOutput()).contains("Unknown polarity 'angry'");
    }

    @Test
    @Order(9)
    void segmentJsonHasTheDocumentedShapeAndIsStored(QuarkusMainLauncher launcher) throws Exception {
        assertThat(launcher.launch("import", "src/test/resources/fixtures/baby-sample.csv").exitCode()).isZero();
        LaunchResult r = launcher.launch("segment", "--k", "3", "--seed", "5", "--json");
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        assertThat(r.getErrorOutput()).contains("[5/9] Clustering");
        JsonNode json = JSON.readTree(r.getOutput());
        assertThat(fieldNames(json)).containsExactly("interpretation", "audience", "segmentation");
        JsonNode s = json.get("segmentation");
        assertThat(fieldNames(s)).contains("id", "k", "algorithm", "quality", "segments", "unassigned", "map", "reason");
        assertThat(s.get("k").asInt()).isEqualTo(3);
        assertThat(s.get("algorithm").asText()).isEqualTo("kmeans");
        assertThat(fieldNames(s.get("quality"))).contains("silhouette", "daviesBouldin", "stability", "unassigned");
        JsonNode segment = s.get("segments").get(0);
        assertThat(fieldNames(segment)).contains("id", "label", "size", "share", "customers", "terms", "categories",
                "aspects", "quotes");
        assertThat(fieldNames(segment.get("quotes").get(0))).contains("reviewId", "source", "sourceRow", "text");
        long members = 0;
        for (JsonNode seg : s.get("segments")) {
            members += seg.get("customers").size();
        }
        assertThat(members + s.get("unassigned").size()).isEqualTo(json.get("audience").get("customers").asLong());
        assertThat(s.get("map").get("points").size()).isEqualTo((int) json.get("audience").get("customers").asLong());

        String id = s.get("id").asText();
        LaunchResult list = launcher.launch("segments", "--json");
        assertThat(JSON.readTree(list.getOutput()).get(0).get("id").asText()).isEqualTo(id);
        assertThat(launcher.launch("segments", id).getOutput()).contains("Quality: ").contains(id + "-s1");
        LaunchResult bad = launcher.launch("segment", "--algorithm", "dbscan");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.getErrorOutput()).contains("kmeans, xmeans or hdbscan");
        assertThat(launcher.launch("segments", "nope").getErrorOutput()).contains("No segmentation has the id nope");
    }

    @Test
    @Order(10)
    void exportWritesPersonaSheetsMemberListsAndAdLists(QuarkusMainLauncher launcher) throws Exception {
        String id = JSON.readTree(launcher.launch("segments", "--json").getOutput()).get(0).get("id").asText();
        java.nio.file.Path pdf = java.nio.file.Path.of(FreshDataDirectory.DIR, "out", "personas.pdf");
        LaunchResult r = launcher.launch("export", id, "--format", "pdf", "--out", pdf.toString());
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        assertThat(r.getOutput()).contains("Wrote " + pdf + " (3 segments)");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(4);
        }

        LaunchResult csv = launcher.launch("export", id, "--format", "csv", "--segment", "2");
        java.util.regex.Matcher wrote = java.util.regex.Pattern.compile("Wrote (.+) \\((\\d+) customers\\)").matcher(csv.getOutput());
        assertThat(wrote.find()).as(csv.getOutput()).isTrue();
        java.nio.file.Path members = java.nio.file.Path.of(wrote.group(1));
        assertThat(members).startsWith(java.nio.file.Path.of(FreshDataDirectory.DIR, "exports"));
        List<String> lines = java.nio.file.Files.readAllLines(members);
        assertThat(lines.getFirst()).startsWith("customer_id,segment_id,segment_number,segment_label");
        assertThat(lines).hasSize(1 + Integer.parseInt(wrote.group(2))).allSatisfy(l -> assertThat(l).doesNotStartWith("="));
        assertThat(lines.get(1)).contains(id + "-s2,2,");

        assertThat(launcher.launch("import", "src/test/resources/fixtures/contacts.csv").exitCode()).isZero();
        java.nio.file.Path ads = java.nio.file.Path.of(FreshDataDirectory.DIR, "out", "gb-meta.csv");
        LaunchResult audience = launcher.launch("export", "--audience", "--attribute", "country=GB", "--ads", "meta",
                "--out", ads.toString());
        assertThat(audience.exitCode()).as(audience.getErrorOutput()).isZero();
        assertThat(audience.getOutput()).contains("(2 customers)").contains("Left out 0 customers");
        assertThat(java.nio.file.Files.readAllLines(ads)).first().isEqualTo("email,phone");

        String[][] refused = {{"export", "nope", "--format", "pdf"}, {"export", id, "--format", "docx"},
                {"export", id, "--format", "pdf", "--ads", "google"}, {"export"}, {"export", id, "--category", "baby"},
                {"export", "--audience", "--format", "pdf"}};
        String[] why = {"No segmentation has the id nope", "md, json, pdf or csv, not docx", "csv, not pdf",
                "Export a segmentation by its id", "go with --audience", "csv or json, not pdf"};
        for (int i = 0; i < refused.length; i++) {
            LaunchResult bad = launcher.launch(refused[i]);
            assertThat(bad.exitCode()).as(String.join(" ", refused[i])).isEqualTo(2);
            assertThat(bad.getErrorOutput()).contains(why[i]);
        }
    }

    @Test
    @Order(11)
    void benchmarksAreHiddenFromTheMainHelpButListedInTheirOwn(QuarkusMainLauncher launcher) {
        LaunchResult main = launcher.launch("--help");
        assertThat(main.exitCode()).isZero();
        assertThat(main.getOutput()).containsPattern("(?m)^\\s+import\\s").doesNotContain("bench");
        LaunchResult bench = launcher.launch("bench", "--help");
        assertThat(bench.exitCode()).isZero();
        for (String name : List.of("embed", "audience", "segment", "vectors", "import", "load")) {
            assertThat(bench.getOutput()).containsPattern("(?m)^\\s+" + name + "\\s+\\S");
        }
    }

    @Test
    @Order(12)
    void benchSegmentPrintsTheTimeOfEachRun(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("bench", "segment", "--customers", "60", "--runs", "2");
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        assertThat(r.getOutput()).containsPattern("runsMillis=\\[\\d+, \\d+]").doesNotContain("[J@");
        assertThat(r.getErrorOutput()).contains("60 customers: median");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

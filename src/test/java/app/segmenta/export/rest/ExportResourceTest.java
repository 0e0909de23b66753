package app.segmenta.export.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class ExportResourceTest {

    private static void importFixture(String name) {
        String job = given().multiPart("file", new File("src/test/resources/fixtures/" + name), "text/csv")
                .post("/api/imports").then().statusCode(202).extract().path("id");
        given().queryParam("waitSeconds", 120).get("/api/imports/" + job).then().body("state", is("completed"));
    }

    private static List<CSVRecord> csv(Response r) throws IOException {
        try (CSVParser p = CSVParser.parse(new StringReader(r.asString()), CSVFormat.DEFAULT.builder().setHeader().get())) {
            return p.getRecords();
        }
    }

    @Test
    void aSegmentationDownloadsAsPersonaPdfMemberListAndAdListWithItsNameAndType() throws IOException {
        importFixture("hostile-reviews.csv");
        importFixture("contacts.csv");
        String id = given().contentType(ContentType.JSON).body("{\"audience\":{\"category\":\"baby products\"},\"k\":2,\"seed\":3}")
                .post("/api/segmentations").then().statusCode(200).extract().path("segmentation.id");
        String base = "/api/segmentations/" + id + "/export";

        Response pdf = given().queryParam("format", "pdf").get(base).then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", org.hamcrest.Matchers.matchesPattern(
                        "attachment; filename=\"segmentation-" + id + "-\\d{8}-\\d{6}\\.pdf\""))
                .header("X-Segmenta-Rows", "2")
                .extract().response();
        List<Map<String, Object>> segments = given().get("/api/segmentations/" + id).then().extract().path("segments");
        try (PDDocument doc = Loader.loadPDF(pdf.asByteArray())) {
            assertThat(doc.getNumberOfPages()).as("a cover and one page per segment").isEqualTo(3);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (Map<String, Object> s : segments) {
                assertThat(text).contains((String) s.get("label"));
                @SuppressWarnings("unchecked")
                Map<String, Object> persona = (Map<String, Object>) s.get("persona");
                assertThat(text).contains((String) persona.get("name"));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> quotes = (List<Map<String, Object>>) persona.get("quotes");
                String quote = ((String) quotes.getFirst().get("text")).replaceAll("\\s+", " ");
                assertThat(text).as("quoted as stored, markup and all").contains(quote.substring(0, Math.min(60, quote.length())));
            }
        }

        Response members = given().queryParam("format", "csv").get(base).then().statusCode(200)
                .contentType("text/csv").extract().response();
        List<CSVRecord> rows = csv(members);
        assertThat(rows.getFirst().getParser().getHeaderNames())
                .startsWith("customer_id", "segment_id", "segment_number", "segment_label").contains("email", "phone");
        assertThat(rows).extracting(r -> r.get("customer_id")).contains("hostile-5", "c-3", "'=c6");
        assertThat(members.getHeader("X-Segmenta-Rows")).isEqualTo(String.valueOf(rows.size()));

        Response ads = given().queryParam("format", "csv").queryParam("ads", "google").get(base).then().statusCode(200)
                .header("Content-Disposition", containsString("-google-")).extract().response();
        List<CSVRecord> hashed = csv(ads);
        assertThat(hashed.getFirst().getParser().getHeaderNames()).containsExactly("Email", "Phone");
        assertThat(hashed).extracting(r -> r.get("Email")).contains("973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b");
        assertThat(Integer.parseInt(ads.getHeader("X-Segmenta-Left-Out"))).as("the hostile fixture's customers have no contact data")
                .isGreaterThanOrEqualTo(20);

        given().queryParam("format", "pdf").get("/api/segmentations/20200101-000000-0000/export").then().statusCode(404)
                .body("error", containsString("No segmentation has the id"));
        given().get("/api/segmentations/..%2F..%2Fetc/export").then().statusCode(404);
        given().queryParam("format", "xlsx").get(base).then().statusCode(400).body("error", containsString("md, json, pdf or csv"));
        given().queryParam("format", "pdf").queryParam("ads", "meta").get(base).then().statusCode(400);
        given().queryParam("ads", "tiktok").get(base).then().statusCode(400).body("error", containsString("google or meta"));
        given().queryParam("segment", 9).get(base).then().statusCode(400).body("error", containsString("not 9"));
    }

    @Test
    void anAudienceDownloadsAsItsMemberListOrAnAdList() throws IOException {
        importFixture("contacts.csv");
        Response r = given().queryParam("attribute", "country=GB").get("/api/audience/export").then().statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", org.hamcrest.Matchers.matchesPattern("attachment; filename=\"audience-[0-9-]+\\.csv\""))
                .extract().response();
        List<CSVRecord> rows = csv(r);
        assertThat(rows.getFirst().getParser().getHeaderNames())
                .containsExactly("customer_id", "matching_reviews", "age", "city", "country", "email", "phone");
        assertThat(rows).as("a leading + is a formula to a spreadsheet, so even a phone number is neutralised")
                .extracting(CSVRecord::toMap).containsExactlyInAnyOrder(
                Map.of("customer_id", "c-2", "matching_reviews", "1", "age", "", "city", "London", "country", "GB",
                        "email", "Cloudy.SanFrancisco+shopping@GoogleMail.com", "phone", "'+44 20 7183 8750"),
                Map.of("customer_id", "c-4", "matching_reviews", "1", "age", "41", "city", "Leeds", "country", "GB",
                        "email", "", "phone", "07400 123456"));

        Response meta = given().queryParam("attribute", "country=GB").queryParam("ads", "meta").get("/api/audience/export")
                .then().statusCode(200).header("X-Segmenta-Left-Out", "0").extract().response();
        assertThat(csv(meta)).extracting(x -> x.get("phone")).containsExactlyInAnyOrder(
                "8d5f937f3a5590634cbe975951a6aa1543170671ce6e73cce4062f4e8c288417",
                "d2db976dff17e6a44bd3a25a2ba91efc63ccb18de90db7a560e7cf93544934bd");

        given().queryParam("attribute", "country=GB").get("/api/audience").then().statusCode(200)
                .body("audience.customers", is(2));
        given().queryParam("attribute", "country").get("/api/audience/export").then().statusCode(400)
                .body("error", containsString("NAME=VALUE"));
        given().queryParam("format", "pdf").get("/api/audience/export").then().statusCode(400)
                .body("error", containsString("csv or json"));
        given().queryParam("from", "yesterday").get("/api/audience/export").then().statusCode(400)
                .body("error", containsString("YYYY-MM-DD"));
    }
}

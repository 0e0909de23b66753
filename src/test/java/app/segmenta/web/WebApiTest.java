package app.segmenta.web;

import app.segmenta.assistant.HostileReviews;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** What the page asks of the server besides the chat: the page itself, mode, examples, reviews, a column preview. */
@QuarkusTest
class WebApiTest {

    private static boolean imported;

    @BeforeEach
    void importReviews() {
        if (!imported) {
            imported = true;
            HostileReviews.importNow();
        }
    }

    @Test
    void thePageAndItsLibrariesAreServedByTheAppItself() {
        String html = given().get("/").then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        List<String> sources = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            sources.add(m.group(1));
        }
        assertThat(sources).as("no asset from elsewhere").noneMatch(s -> s.startsWith("http") || s.startsWith("//"));
        for (String s : sources) {
            if (s.startsWith("/")) {
                given().get(s).then().statusCode(200);
            }
        }
        assertThat(sources).anyMatch(s -> s.contains("/echarts/")).anyMatch(s -> s.contains("/marked/"))
                .anyMatch(s -> s.contains("/dompurify/"));
        given().get("/js/chat.js").then().statusCode(200).contentType(containsString("javascript"));
    }

    @Test
    void theStatusSaysOfflineAndWhy() {
        given().get("/api/assistant/status").then().statusCode(200)
                .body("mode", is("offline"))
                .body("reason", containsString("offline mode is configured"));
    }

    @Test
    void everyExampleIsAQuestionThePlannerReadsFully() {
        List<String> examples = given().get("/api/assistant/examples").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3).anyMatch(q -> q.contains("baby"));
        for (String q : examples) {
            given().contentType(ContentType.JSON).body(Map.of("question", q, "offline", true)).post("/api/ask").then()
                    .log().ifValidationFails().statusCode(200)
                    .body("interpretation.criteria.categories", not(org.hamcrest.Matchers.empty()))
                    .body("toolCalls.refused", not(hasItem(true)));
        }
    }

    @Test
    void aReviewOpensByItsIriAndAnythingElseIsNotFound() {
        String iri = given().contentType(ContentType.JSON).body(Map.of("question", "who buys strollers?")).post("/api/ask")
                .then().statusCode(200).extract().path("audience.audience.items[0].reviewId");
        given().queryParam("iri", iri).get("/api/reviews").then().statusCode(200)
                .body("source", containsString("hostile-reviews"))
                .body("sourceRow", org.hamcrest.Matchers.greaterThan(0))
                .body("text", not(""));
        given().queryParam("iri", iri + "-nope").get("/api/reviews").then().statusCode(404);
        given().queryParam("iri", "http://example.com/x").get("/api/reviews").then().statusCode(404);
        given().get("/api/reviews").then().statusCode(404);
    }

    @Test
    void aFilePreviewShowsTheColumnsAndFirstRowsWithoutImporting() {
        long before = given().get("/api/imports").then().extract().jsonPath().getList("$").size();
        given().multiPart("file", "shop.csv", ("product_name,category,review_text,rating,customer_id,loyalty_tier\n"
                        + "Stroller,Strollers,\"Great, sturdy.\",5,c-1,gold\nGate,Baby gates,Wobbly,2,c-2,silver\n").getBytes(), "text/csv")
                .post("/api/imports/preview").then().statusCode(200)
                .body("headers", hasItem("review_text"))
                .body("mapping.text", is("review_text"))
                .body("ignoredColumns", hasItem("loyalty_tier"))
                .body("samples[0].review_text", is("Great, sturdy."))
                .body("samples.size()", is(2));
        given().multiPart("file", "photo.csv", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 1}, "text/csv")
                .post("/api/imports/preview").then().statusCode(400).body("error", containsString("not a text file"));
        assertThat(given().get("/api/imports").then().extract().jsonPath().getList("$")).hasSize((int) before);
    }
}

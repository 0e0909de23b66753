package app.segmenta.assistant;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The assistant over REST in offline mode (the test profile's default): a conversation with follow-ups. */
@QuarkusTest
class AskResourceTest {

    private static boolean imported;

    @BeforeEach
    void importReviews() {
        if (imported) {
            return;
        }
        imported = true;
        HostileReviews.importNow();
    }

    private static io.restassured.response.ValidatableResponse ask(String question, String session) {
        Map<String, Object> body = session == null ? Map.of("question", question) : Map.of("question", question, "session", session);
        return given().contentType(ContentType.JSON).body(body).post("/api/ask").then();
    }

    @Test
    void aConversationRefinesItsAudienceAndSplitsIt() throws java.io.IOException {
        String session = ask("who buys baby products and complains about shipping?", null).statusCode(200)
                .body("mode", is("offline"))
                .body("notice", containsString("segmenta.assistant.mode=offline"))
                .body("answer", containsString("I read this as: customers who reviewed Baby and complained about Shipping & delivery"))
                .body("interpretation.intent", is("audience"))
                .body("interpretation.criteria.categories[0].label", is("Baby"))
                .body("interpretation.criteria.polarity", is("negative"))
                .body("audience.audience.customers", greaterThan(3))
                .body("audience.audience.items.customerId", not(hasItem("plain-3")))
                .body("toolCalls[0].tool", is("find_audience"))
                .body("segmentation", nullValue())
                .extract().path("session");

        ask("only 1-2 stars", session).statusCode(200)
                .body("interpretation.followUp", is(true))
                .body("interpretation.criteria.maxRating", is(2))
                .body("interpretation.criteria.aspects[0].label", is("Shipping & delivery"))
                .body("audience.interpretation.filters.maxRating", is(2));

        ask("forget the stars, split them into 2", session).statusCode(200)
                .body("interpretation.intent", is("segment"))
                .body("interpretation.k", is(2))
                .body("segmentation.k", is(2))
                .body("segmentation.segments.persona.name", everyItem(notNullValue()))
                .body("segmentation.segments[0].persona.quotes[0].text", notNullValue())
                .body("toolCalls.tool", is(List.of("find_audience", "segment_audience")));

        String file = ask("export them as csv", session).statusCode(200)
                .body("interpretation.intent", is("export"))
                .body("toolCalls.tool", hasItem("export"))
                .extract().path("export.file");
        assertThat(Path.of(file)).exists();

        String pdf = ask("save those as a pdf", session).statusCode(200)
                .body("interpretation.intent", is("export"))
                .body("export.format", is("pdf"))
                .body("export.rows", is(2))
                .extract().path("export.file");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(Path.of(pdf).toFile())) {
            assertThat(doc.getNumberOfPages()).as("a cover and one page per segment").isEqualTo(3);
        }
    }

    @Test
    void aSessionIdIsANameNotAPath() {
        ask("who buys baby products?", "../../etc/passwd").statusCode(400).body("error", containsString("session id"));
        ask(" ", null).statusCode(400);
    }

    @Test
    void aQuestionThatIsNotAStringIsRefused() {
        Map<String, Object> refused = new java.util.LinkedHashMap<>();
        refused.put("a number", 5);
        refused.put("true or false", true);
        refused.put("an object", Map.of("text", "who buys baby products?"));
        refused.put("a list", List.of("who buys baby products?"));
        refused.forEach((kind, question) -> given().contentType(ContentType.JSON).body(Map.of("question", question))
                .post("/api/ask").then().statusCode(400)
                .body("error", containsString("The question must be a string, not " + kind)));
        given().contentType(ContentType.JSON).body("{\"question\": null}").post("/api/ask").then().statusCode(400)
                .body("error", containsString("Send {\"question\": \"...\"}"));
    }

    @Test
    void hostileReviewTextStaysData() {
        ask("which baby buyers complain about delivery?", null).statusCode(200)
                .body("audience.audience.items.customerId", hasItems("hostile-1", "hostile-3"))
                .body("toolCalls.tool", not(hasItem("export")))
                .body("export", nullValue());
        given().get("/api/customers/hostile-4").then().statusCode(200)
                .body("reviews[0].text", containsString("'; DROP GRAPH <urn:segmenta>; SELECT * WHERE { ?s ?p ?o } #"));
        given().get("/api/customers/hostile-5").then().statusCode(200)
                .body("reviews[0].text", startsWith("<script>alert('x')</script>"));
    }
}

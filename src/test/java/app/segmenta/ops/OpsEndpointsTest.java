package app.segmenta.ops;

import app.segmenta.assistant.HostileReviews;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/** Health, metrics and the API description, as an operator reads them. */
@QuarkusTest
class OpsEndpointsTest {

    @Test
    void healthSaysTheStoreAndTheEmbeddingModelWorkAndWhichModeTheAssistantIsIn() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("knowledge graph", "embedding model", "assistant"))
                .body("checks.find { it.name == 'embedding model' }.data.dimension", is(384))
                .body("checks.find { it.name == 'assistant' }.data.mode", is("offline"))
                .body("checks.find { it.name == 'assistant' }.data.reason", containsString("offline mode is configured"));
    }

    @Test
    void metricsCountImportsEmbeddingsToolCallsAndTurns() {
        HostileReviews.importNow();
        given().contentType(ContentType.JSON).body(Map.of("question", "who buys baby products and complains about shipping?"))
                .post("/api/ask").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("segmenta_import_rows_total{outcome=\"kept\"}", "segmenta_import_rows_per_second_count",
                "segmenta_embeddings_total", "segmenta_tool_calls_seconds_count{outcome=\"ok\",tool=\"find_audience\"}",
                "segmenta_assistant_turns_seconds_count{mode=\"offline\"}");
        double kept = metrics.lines().filter(l -> l.startsWith("segmenta_import_rows_total{outcome=\"kept\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(kept).isGreaterThanOrEqualTo(20);
    }

    @Test
    void theApiIsDescribedAndBrowsable() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", is("Segmenta API"))
                .body("paths.keySet()", hasItems("/api/ask", "/api/imports", "/api/segmentations/{id}/export", "/api/reviews"));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }
}

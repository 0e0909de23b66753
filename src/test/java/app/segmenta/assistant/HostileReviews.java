package app.segmenta.assistant;

import java.io.File;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/**
 * The hostile-review fixture (prompt injection, SPARQL, HTML in review text, customers hostile-1..5 and plain-1..15),
 * imported over REST into the running test app. Each test class imports it once into the app it runs against.
 */
public final class HostileReviews {

    private HostileReviews() {
    }

    public static void importNow() {
        String job = given().multiPart("file", new File("src/test/resources/fixtures/hostile-reviews.csv"), "text/csv")
                .post("/api/imports").then().statusCode(202).extract().path("id");
        given().queryParam("waitSeconds", 120).get("/api/imports/" + job).then().body("state", is("completed"));
    }
}

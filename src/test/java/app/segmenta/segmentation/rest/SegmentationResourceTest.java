package app.segmenta.segmentation.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.File;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class SegmentationResourceTest {

    @Test
    void segmentationsAreMadeListedReopenedAndRedoneOverRest() {
        String job = given().multiPart("file", new File("src/test/resources/fixtures/baby-sample.csv"), "text/csv")
                .post("/api/imports").then().statusCode(202).extract().path("id");
        given().queryParam("waitSeconds", 120).get("/api/imports/" + job).then().body("state", is("completed"));

        String id = given().contentType(ContentType.JSON).body("{\"k\":2,\"seed\":3,\"weights\":{\"behaviour\":0}}")
                .post("/api/segmentations").then().statusCode(200)
                .body("interpretation.polarity", is("any"))
                .body("segmentation.k", is(2))
                .body("segmentation.settings.weights.behaviour", is(0.0f))
                .body("segmentation.quality.silhouette", notNullValue())
                .body("segmentation.segments[0].quotes[0].text", notNullValue())
                .extract().path("segmentation.id");
        get("/api/segmentations").then().statusCode(200).body("id", hasItem(id));
        get("/api/segmentations/" + id).then().statusCode(200).body("id", is(id)).body("segments.size()", is(2));
        get("/api/segmentations/20200101-000000-0000").then().statusCode(404);
        given().post("/api/segmentations/20200101-000000-0000/resegment").then().statusCode(404)
                .body("error", containsString("No segmentation has the id"));
        get("/api/segmentations/..%2F..%2Fetc").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"algorithm\":\"dbscan\"}").post("/api/segmentations")
                .then().statusCode(400).body("error", containsString("kmeans, xmeans or hdbscan"));
        given().contentType(ContentType.JSON).body("{\"audience\":{\"category\":\"spaceships\"}}").post("/api/segmentations")
                .then().statusCode(400).body("error", containsString("No category matches"));
        given().post("/api/segmentations/" + id + "/resegment").then().statusCode(200)
                .body("segmentation.id", not(is(id))).body("segmentation.k", is(2));
    }
}

package app.segmenta.ingest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import app.segmenta.config.SegmentaConfig;
import jakarta.inject.Inject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class ImportResourceTest {

    @Test
    void anUploadIsImportedInTheBackgroundAndItsJobCanBeFollowed() {
        String id = given().multiPart("file", new File("src/test/resources/fixtures/malformed.csv"), "text/csv")
                .when().post("/api/imports")
                .then().statusCode(202).header("Location", containsString("/api/imports/"))
                .extract().path("id");
        given().queryParam("waitSeconds", 60).get("/api/imports/" + id)
                .then().statusCode(200)
                .body("state", is("completed"))
                .body("percent", is(100.0f))
                .body("summary.read", is(11))
                .body("summary.imported", is(6))
                .body("summary.skipped.row", hasItems(4, 5, 6, 8, 9));
        get("/api/imports").then().statusCode(200).body("id", hasItem(id));
        get("/api/customers/c7").then().statusCode(200)
                .body("reviews[0].source", is("malformed.csv"))
                .body("reviews[0].sourceRow", is(7));
        get("/api/categories").then().statusCode(200)
                .body("concepts.find { it.label == 'Baby' }.reviews", greaterThanOrEqualTo(5));
        given().queryParam("category", "baby products").queryParam("text", "the order never came").queryParam("maxRating", 2)
                .get("/api/audience").then().statusCode(200)
                .body("interpretation.categories.label", hasItem("Baby"))
                .body("interpretation.filters.maxRating", is(2))
                .body("audience.items[0].source", is("malformed.csv"))
                .body("audience.items[0].sourceRow", is(10))
                .body("audience.items[0].why", containsString("Order never arrived"));
        given().queryParam("category", "spaceships").get("/api/audience").then().statusCode(400)
                .body("error", containsString("No category matches"));
    }

    @Inject
    SegmentaConfig config;

    private long uploads() throws IOException {
        return Fixtures.uploadsIn(config.dataDir());
    }

    @Test
    void aFileThatIsNotWhatItClaimsIsRefusedWithItsReasonAndNotKept() throws IOException {
        long before = uploads();
        given().multiPart("file", "photo.csv", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 1}, "text/csv")
                .when().post("/api/imports")
                .then().statusCode(400).body("error", containsString("not a text file"));
        given().multiPart("source", "x").when().post("/api/imports").then().statusCode(400);
        given().multiPart("file", "r.csv", "text\nfine\n".getBytes(), "text/csv").multiPart("format", "xml")
                .when().post("/api/imports").then().statusCode(400).body("error", containsString("Unknown format"));
        assertThat(uploads()).isEqualTo(before);
    }

    @Test
    void uploadedFileNamesCannotReachOutsideTheUploadsFolder() {
        String id = given().multiPart("file", "../../../etc/evil reviews.csv",
                        "text,rating\nGreat,5\n".getBytes(), "text/csv")
                .when().post("/api/imports").then().statusCode(202).extract().path("id");
        given().queryParam("waitSeconds", 60).get("/api/imports/" + id)
                .then().body("state", is("completed")).body("source", is("evil_reviews.csv"));
    }

    @Test
    void unknownJobsAndCustomersAre404() {
        get("/api/imports/no-such-job").then().statusCode(404);
        get("/api/customers/nobody-at-all").then().statusCode(404);
    }

    @Test
    void freeTextResolvesToConceptsWithTheirSubCategories() {
        given().queryParam("q", "who buys baby products and complains about shipping?")
                .get("/api/concepts/resolve").then().statusCode(200)
                .body("categories.label", hasItem("Baby"))
                .body("withDescendants.label", hasItems("Baby", "Baby gear", "Nursery furniture"))
                .body("aspects.label", hasItem("Shipping & delivery"));
    }
}

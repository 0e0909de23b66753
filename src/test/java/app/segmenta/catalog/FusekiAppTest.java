package app.segmenta.catalog;

import app.segmenta.assistant.HostileReviews;
import app.segmenta.config.SegmentaConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/** The whole app with {@code segmenta.store.url} set: its knowledge graph lives on the Fuseki server, not on disk. */
@QuarkusTest
@QuarkusTestResource(value = FusekiAppTest.Server.class, restrictToAnnotatedClass = true)
class FusekiAppTest {

    public static class Server implements QuarkusTestResourceLifecycleManager {
        private EmbeddedFuseki fuseki;

        @Override
        public Map<String, String> start() {
            fuseki = new EmbeddedFuseki();
            // a data directory of its own: the test apps of one run may share the default one
            return Map.of("segmenta.store.url", fuseki.url(), "segmenta.store.timeout", "20s",
                    "segmenta.data-dir", "target/test-data/fuseki-app-" + java.util.UUID.randomUUID());
        }

        @Override
        public void stop() {
            fuseki.close();
        }
    }

    // The typed mapping, not @ConfigProperty: every @QuarkusTest app sees this class's injection points, and the
    // others have no segmenta.store.url
    @Inject
    SegmentaConfig config;

    @Test
    void importsSearchesAndAnswersWithTheGraphOnTheServer() {
        String url = config.store().url().orElseThrow();
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'knowledge graph' }.data.store", is("SPARQL server " + url));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'knowledge graph' }.data.checked", is("by readiness"));
        HostileReviews.importNow();

        try (GraphStore server = GraphStore.remote(new SparqlService(url, Duration.ofSeconds(20), Optional.empty(), Optional.empty()))) {
            long reviews = server.read(dsg -> (long) GraphStore.dataGraph(dsg).find(Node.ANY, Vocab.TYPE, Vocab.REVIEW).toList().size());
            assertThat(reviews).isEqualTo(20);
        }
        given().get("/api/customers/hostile-1").then().statusCode(200).body("reviews.size()", is(1));
        given().contentType(ContentType.JSON).body(Map.of("question", "who buys strollers and complains about shipping?"))
                .post("/api/ask").then().statusCode(200).body("audience.audience.customers", greaterThan(0));
        assertThat(Files.exists(GraphStore.databaseIn(config.dataDir()))).as("no TDB2 database on disk").isFalse();
    }
}

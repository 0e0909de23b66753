package app.segmenta.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What serve does on first start: load every demo file once, as jobs the API can show. */
@QuarkusTest
@TestProfile(DemoDataTest.SmallDemo.class)
class DemoDataTest {

    public static class SmallDemo implements QuarkusTestProfile {
        static final String DATA = "target/test-data/demo-" + UUID.randomUUID();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("segmenta.demo.dir", "src/test/resources/fixtures", "segmenta.data-dir", DATA);
        }
    }

    @Inject
    DemoData demo;
    @Inject
    ImportJobs jobs;

    @Test
    void loadsEveryDemoFileIntoAnEmptyDataDirectoryOnce() {
        assertThat(demo.files()).extracting(p -> p.getFileName().toString())
                .contains("malformed.csv", "reviews.tsv", "reviews.jsonl").noneMatch(n -> n.endsWith(".mapping.json"));
        assertThat(demo.needed()).isTrue();
        List<ImportSummary> summaries = demo.load(JobListener.NONE);
        assertThat(summaries).hasSize(demo.files().size());
        assertThat(summaries).allSatisfy(s -> assertThat(s.imported()).isPositive());
        assertThat(demo.needed()).isFalse();
        assertThat(Files.exists(Path.of(SmallDemo.DATA, ".demo-loading"))).isFalse();
        assertThat(jobs.list()).extracting(ImportJob::state).containsOnly("completed");
        assertThat(jobs.list()).extracting(ImportJob::source).contains("malformed.csv", "reviews.tsv");
    }
}

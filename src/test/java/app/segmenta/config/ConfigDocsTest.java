package app.segmenta.config;

import io.smallrye.config.ConfigMappings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every segmenta.* property is in the configuration table (docs/configuration.md), with its environment variable. */
class ConfigDocsTest {

    @Test
    void everyPropertyIsDocumentedWithItsEnvironmentVariable() throws IOException {
        // the table's rows only: a property named in passing elsewhere on the page does not count
        String table = Files.readAllLines(Path.of("docs", "configuration.md")).stream()
                .filter(line -> line.startsWith("|")).collect(Collectors.joining("\n"));
        Set<String> names = new TreeSet<>(ConfigMappings.getProperties(
                ConfigMappings.ConfigClass.configClass(SegmentaConfig.class, "segmenta")).keySet());
        assertThat(names).contains("segmenta.data-dir", "segmenta.auth.token", "segmenta.store.url");
        for (String name : names) {
            if (name.contains("*")) {
                // a map: documented by its prefix (segmenta.auth.users.NAME)
                assertThat(table).as(name).contains("`" + name.substring(0, name.indexOf('*')));
                continue;
            }
            // sibling keys may share a row: `segmenta.store.user` / `.password`, `SEGMENTA_STORE_USER` / `_PASSWORD`
            String last = name.substring(name.lastIndexOf('.') + 1);
            assertThat(table.contains("`" + name + "`") || table.contains("`." + last + "`")).as(name).isTrue();
            String env = name.toUpperCase().replaceAll("[^A-Z0-9]", "_");
            String envLast = "_" + last.toUpperCase().replace('-', '_');
            boolean weights = name.startsWith("segmenta.segmentation.weights.");
            assertThat(table.contains("`" + env + "`") || table.contains("`" + envLast + "`")
                    || weights && table.contains("`SEGMENTA_SEGMENTATION_WEIGHTS_MEANING`...")).as(env).isTrue();
        }
    }
}

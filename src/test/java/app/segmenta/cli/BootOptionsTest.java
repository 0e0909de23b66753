package app.segmenta.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BootOptionsTest {

    private static final List<String> PROPERTIES = List.of("segmenta.data-dir", "quarkus.http.host-enabled",
            "quarkus.http.port", "quarkus.http.host", "quarkus.log.category.\"io.quarkus\".level");

    @AfterEach
    void clear() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void serveIsTheDefaultAndGetsItsPortAndHostBeforeStartUp() {
        BootOptions boot = BootOptions.parse("--data-dir", "/tmp/store", "--port", "9099", "--host", "0.0.0.0");
        assertThat(boot.command()).isEqualTo("serve");
        boot.apply();
        assertThat(System.getProperty("segmenta.data-dir")).isEqualTo(Path.of("/tmp/store").toString());
        assertThat(System.getProperty("quarkus.http.port")).isEqualTo("9099");
        assertThat(System.getProperty("quarkus.http.host")).isEqualTo("0.0.0.0");
        assertThat(System.getProperty("quarkus.http.host-enabled")).isNull();
    }

    @Test
    void otherCommandsAndHelpKeepTheHttpPortClosed() {
        BootOptions importing = BootOptions.parse("import", "--mapping", "m.json", "a.csv", "--data-dir", "d", "--json");
        assertThat(importing.command()).isEqualTo("import");
        importing.apply();
        assertThat(System.getProperty("quarkus.http.host-enabled")).isEqualTo("false");
        assertThat(System.getProperty("segmenta.data-dir")).isEqualTo("d");
        clear();
        BootOptions help = BootOptions.parse("serve", "--help");
        help.apply();
        assertThat(System.getProperty("quarkus.http.host-enabled")).isEqualTo("false");
    }
}

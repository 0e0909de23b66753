package app.segmenta.segmentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged app started through the launcher, as a user starts it, segments (PCA reduction, UMAP map) with the
 * OpenBLAS and ARPACK the build unpacked from their Maven jars: the system's copies are left out of its choice
 * (SEGMENTA_NATIVE_LIBS=bundled, no inherited library path), and the process's memory map shows which files it loaded.
 */
class NativeLibsIT {

    private record Run(int exit, String out, String err) {
    }

    private static Run launcher(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "segmenta"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("LD_LIBRARY_PATH"); // the tests' own (surefire's) must not stand in for the launcher's
        pb.environment().remove("DYLD_LIBRARY_PATH");
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("SEGMENTA_ASSISTANT_MODE", "offline");
        pb.environment().put("SEGMENTA_EMBEDDING_MODEL", "all-minilm-l6-v2-q");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("natives-out", ".txt");
        Path err = Files.createTempFile("natives-err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the command finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void segmentsWithTheBundledOpenBlasAndArpack() throws Exception {
        Path data = Path.of("target/natives-it-data");
        if (Files.exists(data)) {
            PathUtils.deleteDirectory(data);
        }
        Path natives = Path.of(launcher(Map.of("SEGMENTA_NATIVE_LIBS", "bundled"), "--print-native-path").out().strip());
        assertThat(natives).as("the launcher's bundled directory").isDirectory()
                .startsWith(Path.of("target", "natives").toAbsolutePath());

        Run imported = launcher(Map.of(), "--data-dir", data.toString(), "import", "src/test/resources/fixtures/baby-sample.csv");
        assertThat(imported.exit()).as(imported.err()).isZero();

        Run segmented = launcher(Map.of("SEGMENTA_NATIVE_LIBS", "bundled", "SEGMENTA_JAVA_OPTS",
                        "-Dquarkus.log.category.\"app.segmenta.segmentation.NativeMath\".level=DEBUG"), "--data-dir", data.toString(), "segment",
                "--json");
        assertThat(segmented.exit()).as(segmented.err()).isZero();
        JsonNode segmentation = new ObjectMapper().readTree(segmented.out()).path("segmentation");
        assertThat(segmentation.at("/settings/reduction").asText()).startsWith("PCA");
        assertThat(segmentation.at("/map/method").asText()).isEqualTo("UMAP");
        assertThat(segmentation.path("segments").size()).isGreaterThan(1);

        List<String> loaded = segmented.err().lines().filter(l -> l.contains("Native maths loaded from "))
                .flatMap(l -> Arrays.stream(l.substring(l.indexOf("loaded from ") + 12).split(", "))).map(String::strip).toList();
        assertThat(loaded).as("the libraries the process mapped, as it logged them:\n" + segmented.err())
                .contains(natives.resolve("libopenblas.so.0").toString(), natives.resolve("libarpack.so.2").toString());
        for (String file : loaded) {
            assertThat(Path.of(file)).as("every OpenBLAS and ARPACK file loaded is a bundled one").startsWith(natives);
        }
    }
}

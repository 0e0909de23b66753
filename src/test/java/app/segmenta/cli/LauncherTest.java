package app.segmenta.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The ./segmenta launcher's JDK search, run as a real shell script. */
class LauncherTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run launcher(Map<String, String> env, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(java.util.List.of("bash", "segmenta"));
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim(),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void findsAJdk25WhenJavaHomeIsUnset() throws Exception {
        Run r = launcher(Map.of(), "--print-java-home");
        assertThat(r.exit()).isZero();
        assertThat(Path.of(r.out(), "bin", "javac")).exists();
        Process version = new ProcessBuilder(Path.of(r.out(), "bin", "java").toString(), "-XshowSettings:properties",
                "-version").redirectErrorStream(true).start();
        String settings = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(version.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int feature = Integer.parseInt(settings.replaceAll("(?s).*java\\.specification\\.version = (\\d+).*", "$1"));
        assertThat(feature).as("the JDK the launcher picked").isGreaterThanOrEqualTo(25);
    }

    @Test
    void aJavaHomeThatIsNoJdk25IsNamedInTheError() throws Exception {
        Path fake = Files.createTempDirectory("not-a-jdk");
        Run r = launcher(Map.of("JAVA_HOME", fake.toString()), "--print-java-home");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("JAVA_HOME (" + fake + ") is not a JDK 25");
    }

    @Test
    void theNativeLibrariesComeFromTheBuildUnlessTheUserChoosesTheSystems() throws Exception {
        Path bundled = Path.of(launcher(Map.of("SEGMENTA_NATIVE_LIBS", "bundled"), "--print-native-path").out());
        assertThat(bundled).startsWith(Path.of("target", "natives").toAbsolutePath());
        assertThat(bundled.resolve("libarpack.so")).as("unpacked by the build").exists();
        Run system = launcher(Map.of("SEGMENTA_NATIVE_LIBS", "system"), "--print-native-path");
        assertThat(system.exit()).isZero();
        assertThat(system.out()).as("nothing put on the library path").isEmpty();
        Run wrong = launcher(Map.of("SEGMENTA_NATIVE_LIBS", "everywhere"), "--print-native-path");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("SEGMENTA_NATIVE_LIBS must be auto, bundled or system");
    }
}

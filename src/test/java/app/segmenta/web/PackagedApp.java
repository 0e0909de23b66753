package app.segmenta.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.io.file.PathUtils;

/**
 * The packaged app (target/quarkus-app) started as a user starts it, through the {@code ./segmenta} launcher (which
 * picks the JDK and the native maths libraries and execs the JVM, so the process is the app's), on a fresh data
 * directory, so it loads the bundled demo data; offline mode, and the faster of the two in-process embedding models
 * to keep the build short.
 */
public final class PackagedApp implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    public final String url;
    private final Process process;
    public final Path log;

    private PackagedApp(String url, Process process, Path log) {
        this.url = url;
        this.process = process;
        this.log = log;
    }

    /**
     * @param dataDir emptied first, unless SEGMENTA_E2E_DATA names a store to use as it is (to iterate on the UI
     *                without loading the demo each run; it must have been built with the default embedding model)
     */
    public static PackagedApp start(Path dataDir, Duration timeout) throws IOException, InterruptedException {
        String reuse = System.getenv("SEGMENTA_E2E_DATA");
        boolean reusing = reuse != null && !reuse.isBlank();
        if (reusing) {
            dataDir = Path.of(reuse);
        } else if (Files.exists(dataDir)) {
            PathUtils.deleteDirectory(dataDir);
        }
        // a reused store was built with the default model; a fresh one loads faster with MiniLM (launch's choice)
        PackagedApp app = launch(dataDir, List.of(), reusing ? java.util.Map.of("SEGMENTA_EMBEDDING_MODEL", "bge-small-en-v15-q")
                : java.util.Map.of(), Path.of("target/e2e-app.log"));
        app.awaitDemo(timeout);
        return app;
    }

    /**
     * Starts the packaged app on {@code dataDir} (used as it is) with these extra arguments and environment, without
     * waiting for it; its output goes to {@code log}.
     */
    public static PackagedApp launch(Path dataDir, List<String> args, java.util.Map<String, String> env, Path log)
            throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: package the app first (./mvnw package)");
        }
        List<String> command = new ArrayList<>(List.of("bash", "segmenta", "--data-dir", dataDir.toString(), "--port",
                Integer.toString(port)));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("LD_LIBRARY_PATH"); // the launcher chooses the native libraries, as for a user
        pb.environment().remove("DYLD_LIBRARY_PATH");
        pb.environment().put("SEGMENTA_ASSISTANT_MODE", "offline");
        pb.environment().put("SEGMENTA_EMBEDDING_MODEL", "all-minilm-l6-v2-q");
        pb.environment().putAll(env);
        return new PackagedApp("http://127.0.0.1:" + port, pb.start(), log);
    }

    /** Until the app says it serves; fails if it stops first. */
    public void awaitRunning(Duration timeout) throws IOException, InterruptedException {
        awaitDemo(timeout);
    }

    /** The exit code, once the process has stopped by itself within {@code timeout}; else null. */
    public Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the process at once, as a power cut or the OOM killer would (SIGKILL). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Until the demo's imports are done (the server answers from the start; its counts grow until then). */
    private void awaitDemo(Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app stopped; see " + log.toAbsolutePath());
            }
            if (Files.readString(log).contains("Segmenta is running at")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The demo data did not load in " + timeout + "; see " + log.toAbsolutePath());
    }

    public String get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

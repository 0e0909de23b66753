package app.segmenta.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The few options Quarkus needs before it starts (the data directory, and where {@code serve} listens), read
 * leniently from the full command line; picocli parses everything again, strictly, once the app is up.
 */
@CommandLine.Command(name = "segmenta")
final class BootOptions {

    @Option(names = "--data-dir")
    Path dataDir;

    @Option(names = "--port")
    Integer port;

    @Option(names = "--host")
    String host;

    @Option(names = {"-h", "--help", "-V", "--version"})
    boolean informationOnly;

    @Parameters
    List<String> positional = new ArrayList<>();

    static BootOptions parse(String... args) {
        BootOptions options = new BootOptions();
        CommandLine cl = new CommandLine(options);
        cl.setUnmatchedArgumentsAllowed(true);
        cl.setUnmatchedOptionsArePositionalParams(false);
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            // The strict parse reports it properly once the app is up.
        }
        return options;
    }

    String command() {
        return positional.isEmpty() ? "serve" : positional.getFirst();
    }

    /** Sets what Quarkus reads at start-up; only {@code serve} opens the HTTP port (not even its --help). */
    void apply() {
        if (dataDir != null) {
            System.setProperty("segmenta.data-dir", dataDir.toString());
        }
        if (!"serve".equals(command()) || informationOnly) {
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.log.category.\"io.quarkus\".level", "WARN");
            return;
        }
        if (port != null) {
            System.setProperty("quarkus.http.port", port.toString());
        }
        if (host != null) {
            System.setProperty("quarkus.http.host", host);
        }
    }
}

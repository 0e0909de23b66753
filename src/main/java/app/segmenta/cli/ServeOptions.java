package app.segmenta.cli;

import picocli.CommandLine.Option;

/**
 * Options of {@code serve}, also accepted without the command name ({@code ./segmenta --port 9090}).
 * Port and host are applied before start-up by {@link BootOptions}; they are declared here for validation and help.
 */
public class ServeOptions {

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080).")
    Integer port;

    @Option(names = "--host", paramLabel = "H", description = "Interface to bind (default 127.0.0.1, this machine only).")
    String host;

    @Option(names = "--no-demo", description = "Do not load the demo data into an empty data directory.")
    boolean noDemo;
}

package app.segmenta.cli;

import app.segmenta.bench.BenchCommand;
import app.segmenta.catalog.DataDirectoryInUseException;
import app.segmenta.ingest.InvalidSourceException;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "segmenta", mixinStandardHelpOptions = true, version = "Segmenta 0.1",
        description = "Audiences, segments and personas from your store's reviews. Without a command: serve.",
        subcommands = {ServeCommand.class, ImportCommand.class, CategoriesCommand.class, CustomerCommand.class,
                AudienceCommand.class, SegmentCommand.class, SegmentsCommand.class, ExportCommand.class, AskCommand.class,
                CompactCommand.class, TrainAspectsCommand.class, BenchCommand.class})
@Dependent
public class SegmentaCommand implements Callable<Integer> {

    /** Read before start-up by {@link BootOptions}; declared here so picocli accepts and documents it. */
    @Option(names = "--data-dir", scope = CommandLine.ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data directory (default ./segmenta-data, or $SEGMENTA_DATA_DIR).")
    Path dataDir;

    @Mixin
    ServeOptions serveOptions = new ServeOptions();

    private final ServeCommand serve;

    public SegmentaCommand(ServeCommand serve) {
        this.serve = serve;
    }

    @Override
    public Integer call() {
        return serve.serve(serveOptions);
    }

    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(SegmentaCommand.class, factory);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable cause = e;
            if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            boolean expected = cause instanceof InvalidSourceException || cause instanceof DataDirectoryInUseException
                    || cause instanceof IllegalArgumentException;
            commandLine.getErr().println("error: " + cause.getMessage());
            if (!expected) {
                cause.printStackTrace(commandLine.getErr());
            }
            return 2;
        });
        return cl;
    }
}

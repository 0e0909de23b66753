package app.segmenta.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/** Entry point of {@code ./segmenta}: reads boot options, starts Quarkus, runs the picocli command. */
@QuarkusMain
public class Main implements QuarkusApplication {

    private final CommandLine.IFactory factory;

    public Main(CdiFactory factory) {
        this.factory = factory;
    }

    public static void main(String... args) {
        BootOptions.parse(args).apply();
        Quarkus.run(Main.class, args);
    }

    @Override
    public int run(String... args) {
        return SegmentaCommand.commandLine(factory).execute(args);
    }
}

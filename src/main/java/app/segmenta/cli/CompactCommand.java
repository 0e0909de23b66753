package app.segmenta.cli;

import app.segmenta.catalog.GraphStore;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = "Reclaim the disk space TDB2 keeps from superseded writes (every write is copy-on-write): rewrites "
                + "the database with its current contents and deletes the old copy. Run it with the server stopped.")
@Dependent
public class CompactCommand implements Callable<Integer> {

    private final GraphStore store;
    private final Output output;

    public CompactCommand(GraphStore store, Output output) {
        this.store = store;
        this.output = output;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        long[] sizes = store.compact();
        output.out().printf("Compacted the knowledge graph in %.1f s: %,d MiB -> %,d MiB on disk.%n",
                (System.nanoTime() - started) / 1e9, sizes[0] >> 20, sizes[1] >> 20);
        return 0;
    }
}

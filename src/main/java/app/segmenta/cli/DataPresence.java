package app.segmenta.cli;

import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.GraphStore;
import app.segmenta.config.SegmentaConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Files;

/** Whether there is anything to show, without creating a database just to find out there is none. */
@ApplicationScoped
public class DataPresence {

    private final SegmentaConfig config;
    private final CatalogService catalog;

    public DataPresence(SegmentaConfig config, CatalogService catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    boolean hasData() {
        boolean local = config.store().url().isEmpty();
        return (!local || Files.isDirectory(GraphStore.databaseIn(config.dataDir()))) && catalog.hasData();
    }

    /** True, after saying so on stderr, when there is nothing to show: the command should exit 1. */
    public boolean missing(Output output) {
        if (hasData()) {
            return false;
        }
        output.err().println(Output.NO_DATA);
        return true;
    }
}

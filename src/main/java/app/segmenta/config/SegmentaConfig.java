package app.segmenta.config;

import app.segmenta.search.Embedder;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** Typed configuration under {@code segmenta.*}; every key can also be set as an environment variable (SEGMENTA_DATA_DIR...). */
@ConfigMapping(prefix = "segmenta")
public interface SegmentaConfig {

    /** Where the knowledge graph and uploads live. */
    @WithDefault("segmenta-data")
    Path dataDir();

    Demo demo();

    Ingest ingest();

    Embedding embedding();

    interface Demo {
        /** Folder of the bundled demo dataset, imported by {@code serve} into an empty data directory. */
        @WithDefault("data/demo")
        Path dir();
    }

    interface Embedding {
        /** In-process ONNX model: bge-small-en-v15-q or all-minilm-l6-v2-q. Changing it re-embeds every review. */
        @WithDefault(Embedder.DEFAULT_MODEL)
        String model();

        /** Reviews per vector-index commit; each committed batch survives a crash. */
        @WithDefault("256")
        int batchSize();
    }

    interface Ingest {
        /** Rows per TDB2 write transaction; each committed batch survives a crash. */
        @WithDefault("1000")
        int batchSize();

        /** Largest upload accepted over REST, in megabytes. */
        @WithDefault("512")
        int maxUploadMb();
    }
}

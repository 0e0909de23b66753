package app.segmenta.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

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
        /**
         * Chosen by measured quality: on the labelled set its complaint detectors beat all-MiniLM-L6-v2's on every
         * aspect (see src/main/resources/aspects/README.md), at about 1.7 times the embedding time.
         */
        String DEFAULT_MODEL = "bge-small-en-v15-q";
        /**
         * In-process ONNX model, bge-small-en-v15-q or all-minilm-l6-v2-q, or {@code ollama:NAME} for an Ollama
         * embedding model (e.g. ollama:nomic-embed-text) on a GPU box. Changing it re-embeds every review.
         */
        @WithDefault(DEFAULT_MODEL)
        String model();

        /** Where Ollama listens, for an ollama: model. */
        @WithDefault("http://localhost:11434")
        String ollamaUrl();

        /** How long one Ollama embedding request may take. */
        @WithDefault("60s")
        Duration ollamaTimeout();

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

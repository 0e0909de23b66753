package app.segmenta.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Typed configuration under {@code segmenta.*}; every key can also be set as an environment variable (SEGMENTA_DATA_DIR...). */
@ConfigMapping(prefix = "segmenta")
public interface SegmentaConfig {

    /** Where the knowledge graph and uploads live. */
    @WithDefault("segmenta-data")
    Path dataDir();

    Store store();

    Demo demo();

    Ingest ingest();

    Embedding embedding();

    Segmentation segmentation();

    Assistant assistant();

    Export export();

    Auth auth();

    Log log();

    interface Log {
        /** One JSON object per log line instead of plain text, for log collectors (the container image sets it). */
        @WithDefault("false")
        boolean json();
    }

    interface Auth {
        /**
         * A shared secret: {@code Authorization: Bearer TOKEN}, or TOKEN as the password of the browser's login
         * prompt (any user name). Required, or {@link #users}, when the app listens beyond loopback.
         */
        Optional<String> token();

        /** Named users and their passwords for HTTP basic auth ({@code segmenta.auth.users.alice=...}). */
        Map<String, String> users();
    }

    interface Store {
        /**
         * The knowledge graph on an Apache Jena Fuseki server instead of the embedded TDB2 database: the dataset's
         * base URL (e.g. http://fuseki:3030/segmenta), which must answer SPARQL queries and updates. Unset: TDB2
         * under the data directory.
         */
        Optional<String> url();

        /**
         * The longest one SPARQL query or update may take, against TDB2 or the Fuseki server: a guard against a
         * runaway query, not a latency target (under 50 concurrent chats on 2 cores, audience queries took up to 30 s).
         */
        @WithDefault("60s")
        Duration timeout();

        /** User for HTTP basic authentication at the Fuseki server, if it asks for one. */
        Optional<String> user();

        Optional<String> password();
    }

    interface Export {
        /**
         * Where a phone number written without a country code is taken to be (ISO 3166 two-letter code), unless
         * the customer's own country attribute is such a code. Ad platforms need every number with its country code.
         */
        @WithDefault("US")
        String defaultRegion();
    }

    interface Assistant {
        /** auto: the model when it answers, else the offline planner; offline: always the planner. */
        @WithDefault("auto")
        String mode();

        /** Which kind of server runs the chat model. */
        enum Provider {
            /** Ollama's own API (/api/chat, /api/tags). */
            OLLAMA,
            /** OpenAI's chat-completions API (/v1/chat/completions, /v1/models), as vLLM and others serve it. */
            OPENAI
        }

        /** ollama (default) or openai: any server speaking OpenAI's chat-completions API, such as vLLM. */
        @WithDefault("ollama")
        Provider provider();

        /** Where Ollama listens, for provider ollama. */
        @WithDefault("http://localhost:11434")
        String ollamaUrl();

        /** The OpenAI-compatible server's base URL, /v1 included, for provider openai. */
        @WithDefault("http://localhost:8000/v1")
        String openaiUrl();

        /** Sent as a bearer token to an openai server when set (vLLM checks it only when started with --api-key). */
        Optional<String> apiKey();

        /**
         * The chat model; it must call tools. Tested choices: qwen2.5:7b-instruct (default), qwen2.5:14b-instruct,
         * llama3.1:8b-instruct (see the README). For provider openai, the name the server lists (vLLM: the model
         * it serves, e.g. Qwen/Qwen2.5-7B-Instruct, or its --served-model-name).
         */
        @WithDefault("qwen2.5:7b-instruct")
        String model();

        @WithDefault("0.1")
        double temperature();

        /** Same question, same model, same seed: the same answer, as far as the server allows. */
        @WithDefault("42")
        int seed();

        /** The longest one question may take with the model, tool calls included; past it the planner answers. */
        @WithDefault("60s")
        Duration timeout();

        /** The longest one HTTP call to the model may take. */
        @WithDefault("45s")
        Duration requestTimeout();

        /** How long to wait for the model server to say it is there before answering offline. */
        @WithDefault("1s")
        Duration probeTimeout();

        /** Messages of a conversation the model sees (its tool calls and results included). */
        @WithDefault("30")
        int memoryMessages();

        /**
         * The longest the model may spend writing one segmentation's labels and personas; segments it has not
         * reached by then keep their template words.
         */
        @WithDefault("30s")
        Duration writerBudget();
    }

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

        /** Most records one REST upload may hold; a larger file is refused before anything is written. */
        @WithDefault("1000000")
        long maxUploadRows();
    }

    interface Segmentation {
        /** How much each block of customer features counts; each block is standardised first. */
        Weights weights();

        /** kmeans, xmeans or hdbscan, when a request names none. */
        @WithDefault("kmeans")
        String algorithm();

        /** Largest k tried when k is chosen automatically (and X-Means' upper bound). */
        @WithDefault("10")
        int maxK();

        /** Seed for sampling and clustering when a request gives none: same input and seed, same segments. */
        @WithDefault("42")
        long seed();

        /** pca, umap or none: how features are reduced before clustering. */
        @WithDefault("pca")
        String reduction();

        /** Dimensions kept by the reduction. */
        @WithDefault("20")
        int dimensions();

        /** auto, pca or umap: how the 2-d map is laid out; auto uses UMAP up to umap-max-customers. */
        @WithDefault("auto")
        String map();

        /** UMAP's neighbour graph takes seconds per thousand customers: above this, the map and reduction use PCA. */
        @WithDefault("1500")
        int umapMaxCustomers();

        /** HDBSCAN's memory grows with the square of the customers (20k took 3.75 GB): it refuses larger audiences. */
        @WithDefault("5000")
        int hdbscanMaxCustomers();

        /**
         * Segmentations computed at once; more wait their turn (and say so). Each holds its audience's features in
         * memory and keeps the cores busy, so running more at once only makes each slower. 0: one per core.
         */
        @WithDefault("0")
        int concurrency();
    }

    interface Weights {
        /** What they say: the mean embedding of their reviews. */
        @WithDefault("1.0")
        double meaning();

        /** What they buy: category mix at the top two levels of the taxonomy. */
        @WithDefault("1.0")
        double categories();

        /** What they complain about or praise. */
        @WithDefault("1.0")
        double aspects();

        /** Rating mean and spread, number of reviews, recency. */
        @WithDefault("0.5")
        double behaviour();

        /** Age and region, where the data has them. */
        @WithDefault("0.5")
        double demographics();
    }
}

package app.segmenta.aspects;

import app.segmenta.config.SegmentaConfig;
import app.segmenta.search.Embedder;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The aspect detector for the configured embedding model. Detectors trained for the in-process models ship in the
 * jar ({@code aspects/models/<model>.json}); for any other model (an Ollama one) they are trained on first use from
 * the shipped training set and kept under the data directory. A file trained from other inputs than the current
 * ones (its fingerprint differs) is never used.
 */
@ApplicationScoped
public class AspectDetectors {

    private static final Logger LOG = Logger.getLogger(AspectDetectors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Embedder embedder;
    private final Path directory;
    private AspectDetector detector;

    @Inject
    public AspectDetectors(Embedder embedder, SegmentaConfig config) {
        this(embedder, config.dataDir().resolve("aspects"));
    }

    public AspectDetectors(Embedder embedder, Path directory) {
        this.embedder = embedder;
        this.directory = directory;
    }

    public synchronized AspectDetector detector(Consumer<String> progress) {
        if (detector == null) {
            List<AspectDefinition> aspects = AspectScheme.shipped();
            Cues cues = Cues.shipped();
            TrainingSet training = TrainingSet.shipped();
            String fingerprint = AspectTrainer.fingerprint(embedder.modelId(), training, cues, aspects);
            AspectModels models = shipped(embedder.modelId())
                    .or(() -> read(directory.resolve(embedder.fileName() + ".json")))
                    .filter(m -> m.fingerprint().equals(fingerprint))
                    .orElseGet(() -> trainAndKeep(new AspectTrainer(embedder, cues, aspects, training), progress));
            detector = AspectDetector.of(models, cues, aspects, embedder);
        }
        return detector;
    }

    private AspectModels trainAndKeep(AspectTrainer trainer, Consumer<String> progress) {
        LOG.infof("No aspect detectors trained for %s from the current training set: training them now", embedder.modelId());
        AspectModels models = trainer.train(progress);
        try {
            Files.createDirectories(directory);
            JSON.writeValue(directory.resolve(embedder.fileName() + ".json").toFile(), models);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return models;
    }

    static Optional<AspectModels> shipped(String modelId) {
        try (InputStream in = AspectDetectors.class.getClassLoader().getResourceAsStream("aspects/models/" + modelId + ".json")) {
            return in == null ? Optional.empty() : Optional.of(JSON.readValue(in, AspectModels.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<AspectModels> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), AspectModels.class));
        } catch (IOException e) {
            LOG.warnf("Ignoring unreadable aspect models %s: %s", file, e.getMessage());
            return Optional.empty();
        }
    }
}

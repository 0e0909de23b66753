package app.segmenta.ops;

import app.segmenta.search.Embedder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The embedding model embeds a word (loading it the first time): search, import and segmentation need it. */
@Readiness
@ApplicationScoped
public class EmbeddingHealth implements HealthCheck {

    private final Embedder embedder;

    public EmbeddingHealth(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int dimension = embedder.embed("ready").length;
            return HealthCheckResponse.named("embedding model").up().withData("model", embedder.modelId())
                    .withData("dimension", dimension).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("embedding model").down().withData("model", embedder.modelId())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}

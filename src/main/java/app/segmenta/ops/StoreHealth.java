package app.segmenta.ops;

import app.segmenta.catalog.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The knowledge graph answers a read: without it nothing works, so it is readiness, and for embedded TDB2 liveness
 * too (see {@link StoreLiveness}). On a remote store this is the server answering a query within the store's timeout.
 */
@Readiness
@ApplicationScoped
public class StoreHealth implements HealthCheck {

    private final GraphStore store;

    public StoreHealth(GraphStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            boolean reviews = store.hasReviews();
            return HealthCheckResponse.named("knowledge graph").up().withData("store", store.describe())
                    .withData("reviews", reviews).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("knowledge graph").down().withData("store", store.describe())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}

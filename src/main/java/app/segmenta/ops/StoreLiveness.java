package app.segmenta.ops;

import app.segmenta.catalog.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Embedded TDB2 that stops answering is this process gone wrong: restarting it helps. A remote server that stops
 * answering is not, and restarting every app instance would not bring it back, so then only readiness fails.
 */
@Liveness
@ApplicationScoped
public class StoreLiveness implements HealthCheck {

    private final GraphStore store;
    private final StoreHealth health;

    public StoreLiveness(GraphStore store, @Readiness StoreHealth health) {
        this.store = store;
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        if (store.isRemote()) {
            return HealthCheckResponse.named("knowledge graph").up().withData("store", store.describe())
                    .withData("checked", "by readiness").build();
        }
        return health.call();
    }
}

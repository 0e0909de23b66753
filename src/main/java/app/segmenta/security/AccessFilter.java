package app.segmenta.security;

import app.segmenta.config.SegmentaConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every HTTP request and WebSocket handshake passes here first. With credentials configured, callers must present
 * them; without, the app must listen on loopback only, and refuses to start otherwise. Health stays open so
 * orchestrators can probe it (it names no customer data).
 */
@ApplicationScoped
public class AccessFilter {

    /** Runs before the REST, static and WebSocket routes. */
    private static final int PRIORITY = 1000;
    private static final String CHALLENGE = "Basic realm=\"Segmenta\", charset=\"UTF-8\"";

    private final Credentials credentials;
    private final String host;
    private final boolean listening;
    /** Resolved once: the bind address does not change while the app runs, and a lookup per request would cost. */
    private final boolean exposed;

    public AccessFilter(SegmentaConfig config, @ConfigProperty(name = "quarkus.http.host") String host,
                        @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean listening) {
        this.credentials = new Credentials(config.auth().token(), config.auth().users());
        this.host = host;
        this.listening = listening;
        this.exposed = Exposure.beyondLoopback(host);
    }

    void checkExposure(@Observes StartupEvent start) {
        if (listening && exposed && !credentials.configured()) {
            UnprotectedBindException refused = new UnprotectedBindException(host);
            // said plainly first: Quarkus reports a failed start under a stack trace
            System.err.println("error: " + refused.getMessage());
            throw refused;
        }
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path.startsWith("/q/health")) {
            rc.next();
            return;
        }
        if (!credentials.configured()) {
            if (exposed) {
                refuse(rc, 503, "Segmenta listens beyond loopback without credentials; set segmenta.auth.token.");
            } else {
                rc.next();
            }
            return;
        }
        if (credentials.accepts(rc.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            rc.next();
            return;
        }
        rc.response().putHeader("WWW-Authenticate", CHALLENGE);
        refuse(rc, 401, "Sign in: a bearer token, or basic auth with a configured user or the token as password.");
    }

    private static void refuse(RoutingContext rc, int status, String message) {
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end("{\"error\":\"" + message + "\"}");
    }
}

package app.segmenta.ops;

import app.segmenta.config.SegmentaConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.util.logging.Handler;

/**
 * Structured logs: with {@code segmenta.log.json}, the console handler Quarkus set up writes one JSON object per line
 * first thing at start-up so every later line is JSON.
 */
@ApplicationScoped
public class JsonLogs {

    private final boolean enabled;

    public JsonLogs(SegmentaConfig config) {
        this.enabled = config.log().json();
    }

    void apply(@Observes @Priority(1) StartupEvent start) {
        if (enabled) {
            JsonLineFormatter json = new JsonLineFormatter();
            for (Handler h : LogContext.getLogContext().getLogger("").getHandlers()) {
                format(h, json);
            }
        }
    }

    private static void format(Handler handler, JsonLineFormatter json) {
        if (handler instanceof ConsoleHandler) {
            handler.setFormatter(json);
        }
        if (handler instanceof ExtHandler ext) {
            for (Handler child : ext.getHandlers()) {
                format(child, json);
            }
        }
    }
}

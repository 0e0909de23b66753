package app.segmenta.ops;

import app.segmenta.ingest.ImportSummary;
import app.segmenta.search.EmbeddingSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * The product's own meters, exported at /q/metrics (Prometheus): imports (rows, rows/s), embeddings (reviews,
 * reviews/s), tool calls and assistant turns (latency by tool, outcome and mode), model calls (latency, tokens).
 * Counters give rates in Prometheus; the per-job throughput summaries give what one import achieved.
 */
@ApplicationScoped
public class Metrics {

    private final MeterRegistry registry;

    public Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void imported(ImportSummary s, EmbeddingSummary e) {
        Counter.builder("segmenta.import.rows").tag("outcome", "kept").description("rows imported, updated or unchanged")
                .register(registry).increment(s.imported() + s.updated() + s.unchanged());
        Counter.builder("segmenta.import.rows").tag("outcome", "skipped").register(registry).increment(s.skipped().size());
        DistributionSummary.builder("segmenta.import.rows.per.second").description("one import's reading speed")
                .register(registry).record(s.rowsPerSecond());
        if (e != null && e.reviews() > 0) {
            Counter.builder("segmenta.embeddings").description("reviews embedded").register(registry).increment(e.reviews());
            DistributionSummary.builder("segmenta.embeddings.per.second").description("one embedding pass's speed")
                    .register(registry).record(e.reviewsPerSecond());
        }
    }

    public void importFailed() {
        Counter.builder("segmenta.import.failures").register(registry).increment();
    }

    /** @param outcome ok, refused (the tool said why) or failed */
    public void toolCall(String tool, String outcome, long millis) {
        Timer.builder("segmenta.tool.calls").tag("tool", tool).tag("outcome", outcome).register(registry)
                .record(Duration.ofMillis(millis));
    }

    /** @param mode llm, offline, or fallback (the model failed and the planner answered) */
    public void turn(String mode, long nanos) {
        Timer.builder("segmenta.assistant.turns").tag("mode", mode).register(registry).record(Duration.ofNanos(nanos));
    }

    public void modelCall(boolean ok, long nanos, Integer inputTokens, Integer outputTokens) {
        Timer.builder("segmenta.model.calls").tag("outcome", ok ? "ok" : "error").register(registry).record(Duration.ofNanos(nanos));
        if (inputTokens != null) {
            Counter.builder("segmenta.model.tokens").tag("kind", "input").register(registry).increment(inputTokens);
        }
        if (outputTokens != null) {
            Counter.builder("segmenta.model.tokens").tag("kind", "output").register(registry).increment(outputTokens);
        }
    }
}

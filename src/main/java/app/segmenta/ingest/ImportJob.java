package app.segmenta.ingest;

import java.time.Instant;

/**
 * An import running in the background, as REST clients poll it.
 *
 * @param state queued, running, completed, failed, or interrupted (a run the graph shows as started whose
 *              process stopped before it finished; importing the file again completes it)
 */
public record ImportJob(String id, String source, String state, long rowsRead, long bytesRead, long totalBytes,
                        double percent, double rowsPerSecond, Long etaSeconds, Instant startedAt, Instant finishedAt,
                        ImportSummary summary, String error) {
}

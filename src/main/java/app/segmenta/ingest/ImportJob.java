package app.segmenta.ingest;

import app.segmenta.aspects.AspectSummary;
import app.segmenta.search.EmbeddingSummary;

import java.time.Instant;

/**
 * An import running in the background, as REST clients poll it.
 *
 * @param state queued, running (importing rows), embedding (computing review vectors), aspects (detecting
 *              complaints and praise: {@code reviewsRead} of {@code reviewsToRead}), completed, failed, or
 *              interrupted (a run the graph shows as started whose process stopped before it finished; importing
 *              the file again completes it)
 */
public record ImportJob(String id, String source, String state, long rowsRead, long bytesRead, long totalBytes,
                        double percent, double rowsPerSecond, Long etaSeconds, long reviewsEmbedded,
                        long reviewsToEmbed, long reviewsRead, long reviewsToRead, Instant startedAt, Instant finishedAt, ImportSummary summary,
                        EmbeddingSummary embedding, AspectSummary aspects, String error) {
}

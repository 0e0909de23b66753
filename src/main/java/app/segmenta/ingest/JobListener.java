package app.segmenta.ingest;

import app.segmenta.search.EmbeddingListener;

/** Hears a whole import job: the rows, then the embedding of the new reviews. */
public interface JobListener extends ImportListener, EmbeddingListener {
    JobListener NONE = new JobListener() {
    };
}

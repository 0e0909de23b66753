package app.segmenta.ingest;

import app.segmenta.aspects.AspectListener;
import app.segmenta.search.EmbeddingListener;

/** Hears a whole import job: the rows, then the embedding of the new reviews, then their aspects. */
public interface JobListener extends ImportListener, EmbeddingListener, AspectListener {
    JobListener NONE = new JobListener() {
    };
}

package app.segmenta.search;

/** Hears how embedding is going: a terminal progress bar, a REST job. */
public interface EmbeddingListener {
    EmbeddingListener NONE = new EmbeddingListener() {
    };

    default void embeddingStarted(long reviews) {
    }

    /** {@code done} of {@code total} reviews are embedded and committed to the vector index. */
    default void embedded(long done, long total) {
    }
}

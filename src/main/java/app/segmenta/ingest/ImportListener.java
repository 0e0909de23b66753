package app.segmenta.ingest;

/** Hears how an import is going: a terminal progress bar, a REST job, a benchmark. */
public interface ImportListener {
    ImportListener NONE = new ImportListener() {
    };

    /** The import run {@code runId} (as stored in the graph) has begun. */
    default void started(String runId, String source, long totalBytes) {
    }

    default void progress(long rowsRead, long bytesRead) {
    }

    /** A batch of rows is committed and survives a crash from here on. */
    default void committed(long rowsCommitted) {
    }

    default void finished(ImportSummary summary) {
    }
}

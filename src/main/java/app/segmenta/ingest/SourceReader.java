package app.segmenta.ingest;

import java.util.List;

/** Reads the records of one source file in order; malformed records come back with an error, not an exception. */
public interface SourceReader extends AutoCloseable {

    List<String> headers();

    SourceFormat format();

    /** The next record, or null at the end of the file. */
    SourceRecord next();

    /** Bytes consumed so far, for progress. */
    long bytesRead();

    @Override
    void close();
}

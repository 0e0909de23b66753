package app.segmenta.ingest;

/** A file that cannot be imported at all (empty, binary, wrong delimiter, no review text); nothing was written. */
public class InvalidSourceException extends RuntimeException {
    public InvalidSourceException(String message) {
        super(message);
    }
}

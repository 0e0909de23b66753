package app.segmenta.ingest.rest;

/** An upload past a configured limit: refused whole, before anything is written. */
public class UploadTooLargeException extends RuntimeException {

    public UploadTooLargeException(String message) {
        super(message);
    }
}

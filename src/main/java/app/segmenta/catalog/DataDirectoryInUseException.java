package app.segmenta.catalog;

import java.nio.file.Path;

/** Another Segmenta process holds the data directory; TDB2 allows one process per database. */
public class DataDirectoryInUseException extends RuntimeException {
    public DataDirectoryInUseException(Path dataDir, Throwable cause) {
        super("The data directory " + dataDir.toAbsolutePath() + " is in use by another Segmenta process (a running 'serve'?). "
                + "Stop it, use its REST API (POST /api/imports), or choose another --data-dir.", cause);
    }
}

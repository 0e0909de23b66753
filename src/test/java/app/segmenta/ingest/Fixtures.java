package app.segmenta.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test files under src/test/resources/fixtures (small cuts of the shared data, and hand-made edge cases). */
public final class Fixtures {
    private Fixtures() {
    }

    static Path file(String name) {
        return Path.of("src/test/resources/fixtures", name);
    }

    /** Uploads kept under a data directory, to show a refused upload leaves nothing behind. */
    public static long uploadsIn(Path dataDir) throws IOException {
        Path dir = dataDir.resolve("uploads");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var list = Files.list(dir)) {
            return list.count();
        }
    }
}

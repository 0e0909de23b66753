package app.segmenta.ingest;

import java.nio.file.Path;

/** Test files under src/test/resources/fixtures (small cuts of the shared data, and hand-made edge cases). */
final class Fixtures {
    private Fixtures() {
    }

    static Path file(String name) {
        return Path.of("src/test/resources/fixtures", name);
    }
}

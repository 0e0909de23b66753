package app.segmenta.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats Segmenta reads. */
public enum SourceFormat {
    CSV(','), TSV('\t'), JSONL((char) 0);

    private final char delimiter;

    SourceFormat(char delimiter) {
        this.delimiter = delimiter;
    }

    char delimiter() {
        return delimiter;
    }

    /** The format a file name claims, if its extension says. */
    public static Optional<SourceFormat> byExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return Optional.of(TSV);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Optional.of(JSONL);
        }
        return Optional.empty();
    }

    public static SourceFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceException("Unknown format '" + name + "': use csv, tsv or jsonl.");
        }
    }

    String describe() {
        return switch (this) {
            case CSV -> "comma-separated";
            case TSV -> "tab-separated";
            case JSONL -> "JSON Lines";
        };
    }
}

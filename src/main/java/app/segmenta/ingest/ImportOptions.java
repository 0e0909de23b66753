package app.segmenta.ingest;

import java.nio.file.Path;

/**
 * How to import one file.
 *
 * @param sourceName name recorded on every review (defaults to the file name); re-importing under the same
 *                   name updates rather than duplicates
 * @param mapping    a mapping file, or null to use {@code <file>.mapping.json} beside the file if present
 * @param format     forced format, or null to go by the file's extension
 */
public record ImportOptions(String sourceName, Path mapping, SourceFormat format) {
    public static final ImportOptions DEFAULTS = new ImportOptions(null, null, null);
}

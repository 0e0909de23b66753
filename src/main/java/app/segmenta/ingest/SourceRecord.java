package app.segmenta.ingest;

import java.util.Map;

/**
 * One record of a source file.
 *
 * @param number 1-based record number, header excluded (JSON Lines: the line number)
 * @param values column → value; a value is a String, or a List of Strings for a JSON array
 * @param error  why the record could not be read, or null
 */
public record SourceRecord(long number, Map<String, Object> values, String error) {

    static SourceRecord malformed(long number, String error) {
        return new SourceRecord(number, Map.of(), error);
    }
}

package app.segmenta.ingest;

import java.util.List;
import java.util.Map;

/**
 * How a file's columns would be read: its headers, the field each feeds, those left out, and its first records
 * as read (column → value), so a person can check the mapping before importing.
 */
public record ImportPreview(List<String> headers, Map<String, Object> mapping, List<String> ignoredColumns,
                            List<Map<String, Object>> samples) {

    static final int SAMPLES = 5;
}

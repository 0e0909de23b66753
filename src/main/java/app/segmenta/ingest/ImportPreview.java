package app.segmenta.ingest;

import java.util.List;
import java.util.Map;

/** How a file's columns would be read: its headers, the field each feeds, and those left out. */
public record ImportPreview(List<String> headers, Map<String, Object> mapping, List<String> ignoredColumns) {
}

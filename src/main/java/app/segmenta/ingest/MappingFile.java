package app.segmenta.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A column mapping written by a person, overriding auto-detection field by field:
 * <pre>{"format": "csv", "columns": {"text": "Review Text", "categories": ["Division", "Class"], "title": null},
 *  "attributes": {"loyaltyTier": "Tier"}, "categorySeparator": ">", "defaultCategory": "Baby"}</pre>
 * A list for {@code categories} names columns that together spell a path; null turns a field off;
 * {@code attributes} keeps any other column as a customer attribute of that name.
 */
public record MappingFile(String format, Map<String, JsonNode> columns, Map<String, String> attributes,
                          String categorySeparator, String defaultCategory) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static MappingFile read(Path path) {
        try {
            return parse(JSON.readTree(path.toFile()), path.getFileName().toString());
        } catch (IOException e) {
            throw new InvalidSourceException("Mapping file " + path.getFileName() + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    public static MappingFile parse(JsonNode json, String name) {
        try {
            MappingFile m = JSON.treeToValue(json, MappingFile.class);
            return new MappingFile(m.format, m.columns == null ? Map.of() : m.columns,
                    m.attributes == null ? Map.of() : m.attributes, m.categorySeparator, m.defaultCategory);
        } catch (IOException e) {
            throw new InvalidSourceException("Mapping file " + name + " is not understood: "
                    + e.getMessage().lines().findFirst().orElse("")
                    + ". Expected {\"columns\":{\"text\":\"...\"}, \"attributes\":{\"name\":\"column\"}, "
                    + "\"categorySeparator\":\">\", \"defaultCategory\":\"...\"}.");
        }
    }
}

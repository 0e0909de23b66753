package app.segmenta.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which source columns feed which {@link Field}: detected from header names, overridden by a mapping file.
 *
 * @param columns           field → column names (several only for a category path spread over columns)
 * @param categorySeparator separator inside one category value, or null to detect ("&gt;" path, else comma list)
 * @param defaultCategory   category label for rows that carry none (a file of one department)
 * @param attributes        extra customer attribute name → column, from the mapping file
 * @param ignoredColumns    columns that feed nothing
 */
public record ColumnMapping(Map<Field, List<String>> columns, Map<String, String> attributes, String categorySeparator,
                           String defaultCategory, List<String> ignoredColumns) {

    private static final java.util.regex.Pattern ATTRIBUTE_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    public static ColumnMapping resolve(String fileName, List<String> headers, MappingFile overrides) {
        Map<String, String> byNormalName = new LinkedHashMap<>();
        headers.forEach(h -> byNormalName.putIfAbsent(Field.normalHeader(h), h));
        Map<Field, List<String>> columns = new EnumMap<>(Field.class);
        Set<Field> disabled = new HashSet<>();
        Set<String> used = new HashSet<>();
        if (overrides != null) {
            overrides.columns().forEach((key, value) -> {
                Field field = Field.byKey(key).orElseThrow(() -> new InvalidSourceException("Mapping field '" + key
                        + "' is unknown; fields are " + fieldKeys() + "."));
                if (value == null || value.isNull()) {
                    disabled.add(field);
                    return;
                }
                List<String> names = names(value);
                for (String name : names) {
                    if (!headers.contains(name)) {
                        throw new InvalidSourceException("The mapping sends column '" + name + "' to " + key + ", but "
                                + fileName + " has no such column. Its columns are: " + String.join(", ", headers) + ".");
                    }
                }
                columns.put(field, names);
                used.addAll(names);
            });
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (overrides != null) {
            overrides.attributes().forEach((name, column) -> {
                if (!ATTRIBUTE_NAME.matcher(name).matches() || Field.byKey(name).isPresent()) {
                    throw new InvalidSourceException("Attribute name '" + name + "' must be letters, digits, '-' or '_', "
                            + "start with a letter and not be a field name (" + fieldKeys() + ").");
                }
                if (!headers.contains(column)) {
                    throw new InvalidSourceException("The mapping sends column '" + column + "' to attribute " + name
                            + ", but " + fileName + " has no such column. Its columns are: " + String.join(", ", headers) + ".");
                }
                attributes.put(name, column);
                used.add(column);
            });
        }
        detectCategoryPath(byNormalName, columns, disabled, used);
        for (Field field : Field.values()) {
            if (columns.containsKey(field) || disabled.contains(field)) {
                continue;
            }
            for (String candidate : field.headers()) {
                String header = byNormalName.get(candidate);
                if (header != null && used.add(header)) {
                    columns.put(field, List.of(header));
                    break;
                }
            }
        }
        if (!columns.containsKey(Field.TEXT)) {
            throw new InvalidSourceException(fileName + " has no review-text column. Its columns are: "
                    + String.join(", ", headers) + ". Name the text column in a mapping file: "
                    + "{\"columns\":{\"text\":\"<column>\"}}.");
        }
        List<String> ignored = headers.stream().filter(h -> !used.contains(h)).toList();
        return new ColumnMapping(columns, attributes, overrides == null ? null : overrides.categorySeparator(),
                overrides == null ? null : overrides.defaultCategory(), ignored);
    }

    /** Two or more hierarchy columns (division, department, class...) spell one category path. */
    private static void detectCategoryPath(Map<String, String> byNormalName, Map<Field, List<String>> columns,
                                           Set<Field> disabled, Set<String> used) {
        if (columns.containsKey(Field.CATEGORIES) || disabled.contains(Field.CATEGORIES)) {
            return;
        }
        List<String> levels = new ArrayList<>();
        for (String level : Field.CATEGORY_LEVELS) {
            String header = byNormalName.get(level);
            if (header != null && !levels.contains(header) && !used.contains(header)) {
                levels.add(header);
            }
        }
        if (levels.size() >= 2) {
            columns.put(Field.CATEGORIES, List.copyOf(levels));
            used.addAll(levels);
        }
    }

    private static List<String> names(JsonNode value) {
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        if (value.isArray()) {
            List<String> out = new ArrayList<>();
            value.forEach(v -> out.add(v.asText()));
            return out;
        }
        throw new InvalidSourceException("A mapping value must be a column name, a list of names, or null; got " + value);
    }

    private static String fieldKeys() {
        return java.util.Arrays.stream(Field.values()).map(Field::key).collect(Collectors.joining(", "));
    }

    public List<String> columnsOf(Field field) {
        return columns.getOrDefault(field, List.of());
    }

    /** field key → column(s), as import summaries show it. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        columns.forEach((f, c) -> out.put(f.key(), c.size() == 1 ? c.getFirst() : c));
        attributes.forEach((name, column) -> out.put("attributes." + name, column));
        return out;
    }
}

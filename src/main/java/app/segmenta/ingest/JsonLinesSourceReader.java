package app.segmenta.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.io.input.BoundedInputStream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Lines: one object per line; its top-level keys are the columns (taken from the first object). */
final class JsonLinesSourceReader implements SourceReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BoundedInputStream counter;
    private final BufferedReader reader;
    private final List<String> headers;
    private SourceRecord pending;
    private long line;

    JsonLinesSourceReader(Path file) {
        try {
            counter = BoundedInputStream.builder().setInputStream(Files.newInputStream(file)).get();
            reader = new BufferedReader(new InputStreamReader(counter, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pending = next();
        if (pending == null) {
            close();
            throw new InvalidSourceException(file.getFileName() + " is empty.");
        }
        if (pending.error() != null) {
            close();
            throw new InvalidSourceException(file.getFileName() + " is not JSON Lines: line " + line + " "
                    + pending.error() + ". Each line must be one JSON object.");
        }
        headers = List.copyOf(pending.values().keySet());
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.JSONL;
    }

    @Override
    public SourceRecord next() {
        if (pending != null) {
            SourceRecord r = pending;
            pending = null;
            return r;
        }
        try {
            String text;
            do {
                text = reader.readLine();
                line++;
            } while (text != null && text.isBlank());
            if (text == null) {
                return null;
            }
            if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            return parse(line, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SourceRecord parse(long line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return SourceRecord.malformed(line, "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            return SourceRecord.malformed(line, "is not a JSON object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), value(e.getValue())));
        return new SourceRecord(line, values, null);
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(n.isValueNode() ? n.asText() : n.toString()));
            return items;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    @Override
    public long bytesRead() {
        return counter.getCount();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package app.segmenta.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.BoundedInputStream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV and TSV through Apache Commons CSV. A record with broken quoting is reported and skipped: parsing resumes
 * on the physical line after the one where that record began, so one stray quote does not swallow the file.
 */
final class CsvSourceReader implements SourceReader {

    private final Path file;
    private final SourceFormat sourceFormat;
    private final CSVFormat format;
    private final List<String> headers;
    private BoundedInputStream counter;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    /** Physical lines of the file before the current parser's first line. */
    private long lineOffset;
    /** Physical lines consumed up to the end of the last record handed out. */
    private long linesDone;
    private long number;

    CsvSourceReader(Path file, SourceFormat sourceFormat) {
        this.file = file;
        this.sourceFormat = sourceFormat;
        this.format = CSVFormat.RFC4180.builder().setDelimiter(sourceFormat.delimiter()).setIgnoreEmptyLines(true).get();
        open(0);
        if (!records.hasNext()) {
            close();
            throw new InvalidSourceException(file.getFileName() + " is empty.");
        }
        CSVRecord header = records.next();
        List<String> names = new ArrayList<>();
        header.forEach(names::add);
        this.headers = List.copyOf(names);
        this.linesDone = parser.getCurrentLineNumber();
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public SourceFormat format() {
        return sourceFormat;
    }

    @Override
    public SourceRecord next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            linesDone = lineOffset + parser.getCurrentLineNumber();
            number++;
            if (record.size() != headers.size() && !onlyEmptyExtras(record)) {
                return SourceRecord.malformed(number, "expected " + headers.size() + " fields, found " + record.size());
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                values.putIfAbsent(headers.get(i), record.get(i));
            }
            return new SourceRecord(number, values, null);
        } catch (UncheckedIOException | IllegalStateException e) {
            number++;
            long badLine = linesDone + 1;
            open(badLine);
            linesDone = badLine;
            return SourceRecord.malformed(number, "broken quoting in the record starting on line " + badLine
                    + " (" + rootMessage(e) + ")");
        }
    }

    /** Spreadsheet exports often end every row with a separator: extra fields that are all empty are harmless. */
    private boolean onlyEmptyExtras(CSVRecord record) {
        if (record.size() < headers.size()) {
            return false;
        }
        for (int i = headers.size(); i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long bytesRead() {
        return counter.getCount();
    }

    private void open(long skipLines) {
        close();
        try {
            counter = BoundedInputStream.builder().setInputStream(Files.newInputStream(file)).get();
            var bom = BOMInputStream.builder().setInputStream(counter).get();
            Reader reader = new BufferedReader(new InputStreamReader(bom, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
            skipPhysicalLines(reader, skipLines);
            lineOffset = skipLines;
            parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            records = parser.iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips lines ended by \n, \r\n or \r, as Commons CSV counts them. */
    private static void skipPhysicalLines(Reader reader, long lines) throws IOException {
        long seen = 0;
        while (seen < lines) {
            int c = reader.read();
            if (c == -1) {
                return;
            }
            if (c == '\n') {
                seen++;
            } else if (c == '\r') {
                seen++;
                reader.mark(1);
                if (reader.read() != '\n') {
                    reader.reset();
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.replaceAll("\\s+", " ");
    }

    @Override
    public void close() {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

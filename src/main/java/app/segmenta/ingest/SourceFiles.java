package app.segmenta.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens a source file after checking it is what it claims: not empty, text rather than binary, and split by the
 * delimiter its format implies. Each problem is one clear error, raised before anything is written.
 */
public final class SourceFiles {

    private static final int SNIFF_BYTES = 64 * 1024;

    private SourceFiles() {
    }

    public static SourceReader open(Path file, SourceFormat declared) {
        byte[] head = head(file);
        if (head.length == 0) {
            throw new InvalidSourceException(file.getFileName() + " is empty.");
        }
        if (head.length > 1 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            throw new InvalidSourceException(file.getFileName() + " is gzip-compressed: unzip it first.");
        }
        if (looksBinary(head)) {
            throw new InvalidSourceException(file.getFileName()
                    + " is not a text file (it looks binary). Segmenta imports CSV, TSV and JSON Lines.");
        }
        String firstLine = firstLine(head);
        SourceFormat format = declared != null ? declared
                : SourceFormat.byExtension(file).orElseGet(() -> sniff(firstLine));
        if (format == SourceFormat.JSONL) {
            if (firstLine.stripLeading().startsWith("[")) {
                throw new InvalidSourceException(file.getFileName() + " is a JSON array; Segmenta reads JSON Lines "
                        + "(one JSON object per line).");
            }
            return new JsonLinesSourceReader(file);
        }
        checkDelimiter(file, format, firstLine);
        return new CsvSourceReader(file, format);
    }

    private static void checkDelimiter(Path file, SourceFormat format, String firstLine) {
        if (columns(firstLine, format.delimiter()) > 1) {
            return;
        }
        for (SourceFormat other : new SourceFormat[]{SourceFormat.CSV, SourceFormat.TSV}) {
            int n = columns(firstLine, other.delimiter());
            if (other != format && n > 1) {
                throw new InvalidSourceException(file.getFileName() + " does not look " + format.describe()
                        + ": its header splits into " + n + " " + other.describe() + " columns. Pass --format "
                        + other.name().toLowerCase() + " (or rename the file).");
            }
        }
        for (char d : new char[]{';', '|'}) {
            int n = columns(firstLine, d);
            if (n > 1) {
                throw new InvalidSourceException(file.getFileName() + " does not look " + format.describe()
                        + ": its header splits on '" + d + "' into " + n + " columns. Save it as CSV or TSV.");
            }
        }
    }

    private static SourceFormat sniff(String firstLine) {
        if (firstLine.stripLeading().startsWith("{")) {
            return SourceFormat.JSONL;
        }
        return columns(firstLine, '\t') > columns(firstLine, ',') ? SourceFormat.TSV : SourceFormat.CSV;
    }

    private static int columns(String line, char delimiter) {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(line))
                .setFormat(CSVFormat.RFC4180.builder().setDelimiter(delimiter).get()).get()) {
            return p.stream().findFirst().map(CSVRecord::size).orElse(0);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return 0;
        }
    }

    private static boolean looksBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0) {
                return true;
            }
            if (c < 0x09 || (c > 0x0d && c < 0x20)) {
                control++;
            }
        }
        return control > head.length / 100 + 1;
    }

    private static String firstLine(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).replace("\r", "");
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        } catch (NoSuchFileException e) {
            throw new InvalidSourceException("No such file: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static Optional<Path> siblingMapping(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path candidate = file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".mapping.json");
        return Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
    }
}

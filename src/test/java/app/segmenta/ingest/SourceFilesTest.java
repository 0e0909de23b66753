package app.segmenta.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceFilesTest {

    @TempDir
    Path dir;

    @Test
    void emptyFileIsOneClearError() throws IOException {
        Path f = Files.createFile(dir.resolve("empty.csv"));
        assertThatThrownBy(() -> SourceFiles.open(f, null)).isInstanceOf(InvalidSourceException.class)
                .hasMessage("empty.csv is empty.");
    }

    @Test
    void binaryAndCompressedFilesAreRefused() throws IOException {
        Path bin = Files.write(dir.resolve("photo.csv"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
        assertThatThrownBy(() -> SourceFiles.open(bin, null)).isInstanceOf(InvalidSourceException.class)
                .hasMessageContaining("not a text file");
        Path gz = Files.write(dir.resolve("reviews.csv"), new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0});
        assertThatThrownBy(() -> SourceFiles.open(gz, null)).hasMessageContaining("gzip");
    }

    @Test
    void aFileSplitByAnotherDelimiterThanItsNameSaysIsNamed() throws IOException {
        Path tsv = Files.writeString(dir.resolve("reviews.tsv"), "review,rating,user\n\"Nice\",5,u1\n");
        assertThatThrownBy(() -> SourceFiles.open(tsv, null)).isInstanceOf(InvalidSourceException.class)
                .hasMessageContaining("does not look tab-separated").hasMessageContaining("--format csv");
        Path semi = Files.writeString(dir.resolve("reviews.csv"), "review;rating;user\nNice;5;u1\n");
        assertThatThrownBy(() -> SourceFiles.open(semi, null)).hasMessageContaining("splits on ';'");
    }

    @Test
    void jsonArrayIsNotJsonLines() throws IOException {
        Path f = Files.writeString(dir.resolve("reviews.json"), "[{\"text\": \"a\"}]\n");
        assertThatThrownBy(() -> SourceFiles.open(f, null)).hasMessageContaining("JSON array");
    }

    @Test
    void csvRecordsAreNumberedFromOneWithMultiLineFieldsAsOneRecord() {
        List<SourceRecord> records = readAll(Fixtures.file("malformed.csv"));
        assertThat(records).extracting(SourceRecord::number).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(records.get(6).values().get("review_text")).isEqualTo("First line of the review.\nSecond line, same record.");
        assertThat(records.get(5).error()).isEqualTo("expected 9 fields, found 7");
        assertThat(records.get(8).error()).startsWith("broken quoting in the record starting on line 11");
        assertThat(records.get(9).values().get("customer_id")).as("parsing resumes after the broken record").isEqualTo("c1");
    }

    @Test
    void unterminatedQuoteLosesOnlyItsOwnLine() throws IOException {
        Path f = Files.writeString(dir.resolve("q.csv"), "text,rating\ngood one,5\n\"never closed,4\nstill good,3\n");
        List<SourceRecord> records = readAll(f);
        assertThat(records).extracting(SourceRecord::number).containsExactly(1L, 2L, 3L);
        assertThat(records.get(1).error()).contains("broken quoting");
        assertThat(records.get(2).values().get("text")).isEqualTo("still good");
    }

    @Test
    void trailingEmptyFieldsAreHarmlessButExtraValuesAreNot() throws IOException {
        Path f = Files.writeString(dir.resolve("t.csv"), "text,rating\ngood,5,\nalso good,4,,\nextra,3,surprise\n");
        List<SourceRecord> records = readAll(f);
        assertThat(records.get(0).error()).isNull();
        assertThat(records.get(1).error()).isNull();
        assertThat(records.get(2).error()).isEqualTo("expected 2 fields, found 3");
    }

    @Test
    void jsonLinesKeepsArraysAndReportsBadLinesByLineNumber() {
        List<SourceRecord> records = readAll(Fixtures.file("reviews.jsonl"));
        assertThat(records).extracting(SourceRecord::number).containsExactly(1L, 3L, 4L, 5L);
        assertThat(records.get(0).values().get("categories")).isEqualTo(List.of("Household Essentials", "Glass Cleaners"));
        assertThat(records.get(2).error()).startsWith("is not valid JSON");
    }

    private static List<SourceRecord> readAll(Path file) {
        List<SourceRecord> out = new ArrayList<>();
        try (SourceReader reader = SourceFiles.open(file, null)) {
            SourceRecord r;
            while ((r = reader.next()) != null) {
                out.add(r);
            }
        }
        return out;
    }
}

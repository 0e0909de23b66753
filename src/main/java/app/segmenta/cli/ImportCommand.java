package app.segmenta.cli;

import app.segmenta.aspects.AspectSummary;
import app.segmenta.aspects.ReviewAspects;
import app.segmenta.ingest.ImportOptions;
import app.segmenta.ingest.ImportSummary;
import app.segmenta.ingest.Importer;
import app.segmenta.ingest.InvalidSourceException;
import app.segmenta.ingest.SourceFormat;
import app.segmenta.search.EmbeddingSummary;
import app.segmenta.search.ReviewVectors;
import app.segmenta.text.Counts;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import review exports (CSV, TSV, JSON Lines) into the knowledge graph. "
                + "Re-importing a file adds nothing twice; an edited file updates what changed.")
@Dependent
public class ImportCommand implements Callable<Integer> {

    private static final int SHOWN = 20;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Column mapping (JSON). Default: auto-detect, or <file>.mapping.json beside the file.")
    Path mapping;

    @Option(names = "--source", paramLabel = "NAME",
            description = "Name recorded as each review's source (default: the file name). One file only.")
    String source;

    @Option(names = "--format", paramLabel = "csv|tsv|jsonl", description = "Override the format the extension implies.")
    String format;

    @Option(names = "--json", description = "Print the summary as JSON on stdout.")
    boolean json;

    @Option(names = "--no-embed", description = "Skip embedding the new reviews and detecting their aspects now (the next import or serve does it).")
    boolean noEmbed;

    private final Importer importer;
    private final ReviewVectors vectors;
    private final ReviewAspects aspects;
    private final Output output;

    public ImportCommand(Importer importer, ReviewVectors vectors, ReviewAspects aspects, Output output) {
        this.importer = importer;
        this.vectors = vectors;
        this.aspects = aspects;
        this.output = output;
    }

    @Override
    public Integer call() {
        if (source != null && files.size() > 1) {
            throw new InvalidSourceException("--source names one file; import the files one by one.");
        }
        ImportOptions options = new ImportOptions(source, mapping, format == null ? null : SourceFormat.parse(format));
        List<ImportSummary> summaries = new ArrayList<>();
        List<Map<String, String>> errors = new ArrayList<>();
        for (Path file : files) {
            TerminalProgress progress = new TerminalProgress();
            try {
                ImportSummary summary = importer.importFile(file, options, progress);
                summaries.add(summary);
                if (!json) {
                    print(summary, output.out());
                }
            } catch (InvalidSourceException e) {
                progress.close();
                errors.add(Map.of("file", file.toString(), "error", e.getMessage()));
                output.err().println("error: " + e.getMessage());
            }
        }
        EmbeddingSummary embedding = null;
        AspectSummary detected = null;
        if (!noEmbed && !summaries.isEmpty()) {
            TerminalProgress progress = new TerminalProgress();
            embedding = vectors.embedPending(progress);
            progress.close();
            detected = aspects.detectPending(progress, output.err()::println);
            progress.close();
            if (!json) {
                print(embedding, output.out());
                print(detected, output.out());
            }
        }
        if (json) {
            Map<String, Object> out = summaries.size() == 1 && errors.isEmpty()
                    ? output.asMap(summaries.getFirst()) : combined(summaries, errors);
            if (embedding != null) {
                out.put("embedding", embedding);
                out.put("aspects", detected);
            }
            output.json(out);
        }
        return errors.isEmpty() ? 0 : 2;
    }

    /** Several files: the totals in the one-file shape, each file's summary under "files". */
    private static Map<String, Object> combined(List<ImportSummary> summaries, List<Map<String, String>> errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("read", summaries.stream().mapToLong(ImportSummary::read).sum());
        out.put("imported", summaries.stream().mapToLong(ImportSummary::imported).sum());
        out.put("updated", summaries.stream().mapToLong(ImportSummary::updated).sum());
        out.put("unchanged", summaries.stream().mapToLong(ImportSummary::unchanged).sum());
        out.put("skipped", summaries.stream().flatMap(s -> s.skipped().stream()
                .map(i -> Map.of("file", s.file(), "row", i.row(), "reason", i.reason()))).toList());
        Map<String, Long> unmapped = new LinkedHashMap<>();
        summaries.forEach(s -> s.unmappedCategories().forEach(l -> unmapped.merge(l.label(), l.reviews(), Long::sum)));
        out.put("unmappedCategories", unmapped.entrySet().stream()
                .map(e -> new ImportSummary.LabelCount(e.getKey(), e.getValue())).toList());
        out.put("similarityMapped", summaries.stream().flatMap(s -> s.similarityMapped().stream()).toList());
        out.put("files", summaries);
        out.put("errors", errors);
        return out;
    }

    static void print(EmbeddingSummary e, PrintStream out) {
        if (e.reviews() == 0 && e.removed() == 0) {
            out.printf("Review vectors (%s): %s up to date.%n", e.model(), Counts.of(e.upToDate(), "review"));
            return;
        }
        out.printf("Review vectors (%s): embedded %s (%s, %,d reused) in %.1f s, %,.0f reviews/s;"
                        + " %,d removed, %,d already up to date.%n", e.model(), Counts.of(e.reviews(), "review"),
                Counts.of(e.passages(), "passage"), e.cachedPassages(),
                e.seconds(), e.reviewsPerSecond(), e.removed(), e.upToDate());
    }

    static void print(AspectSummary a, PrintStream out) {
        if (a.reviews() == 0) {
            out.printf("Aspects: %s up to date.%n", Counts.of(a.unchanged(), "review"));
            return;
        }
        out.printf("Aspects: read %s in %.1f s; complaints %s, %,d praise, %,d neutral mentions%s.%n",
                Counts.of(a.reviews(), "review"), a.seconds(), a.complaints().isEmpty() ? "none" : a.complaints(), a.praise(), a.neutral(),
                a.waiting() > 0 ? "; " + Counts.of(a.waiting(), "review")
                        + (a.waiting() == 1 ? " waits for its vectors" : " wait for their vectors") : "");
    }

    static void print(ImportSummary s, PrintStream out) {
        out.printf("%s: %s read in %.1f s (%,.0f rows/s)%n", s.source(), Counts.of(s.read(), "row"), s.seconds(), s.rowsPerSecond());
        if (s.imported() == 0 && s.updated() == 0 && s.unchanged() > 0) {
            out.printf("  Nothing new: %s already imported.%n", s.unchanged() == 1 ? "the 1 valid row was"
                    : "all " + Counts.of(s.unchanged(), "valid row") + " were");
        }
        out.printf("  imported %,d · updated %,d · unchanged %,d · skipped %,d%n",
                s.imported(), s.updated(), s.unchanged(), s.skipped().size());
        out.printf("  %s · %s · %s mapped · %s without a category%n", Counts.of(s.customers(), "customer"),
                Counts.of(s.products(), "product"), Counts.of(s.categoryValuesMapped(), "category value"),
                Counts.of(s.reviewsWithoutCategory(), "review"));
        List<String> columns = new ArrayList<>();
        s.mapping().forEach((field, column) -> columns.add(field + " ← " + column));
        out.println("  columns: " + String.join(", ", columns)
                + (s.mappingFile() == null ? " (detected)" : " (mapping file " + s.mappingFile() + ")"));
        if (!s.ignoredColumns().isEmpty()) {
            out.println("  ignored columns: " + String.join(", ", s.ignoredColumns().stream()
                    .map(c -> c.isBlank() ? "(unnamed)" : c).toList()));
        }
        list(out, "category values mapped by similarity, please check (weakest first)", s.similarityMapped().stream()
                .map(m -> String.format("%s → %s (similarity %.3f to \"%s\"; %s)", m.label(), m.conceptLabel(),
                        m.score(), m.nearestName(), Counts.of(m.reviews(), "review"))).toList());
        list(out, "unmapped category values (reviews)", s.unmappedCategories().stream()
                .map(l -> l.label() + " (" + l.reviews() + ")").toList());
        list(out, "skipped rows", s.skipped().stream().map(i -> "row " + i.row() + ": " + i.reason()).toList());
        list(out, "warnings", s.warnings().stream().map(i -> "row " + i.row() + ": " + i.reason()).toList());
    }

    private static void list(PrintStream out, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.printf("  %s: %,d%n", title, items.size());
        items.stream().limit(SHOWN).forEach(i -> out.println("    " + i));
        if (items.size() > SHOWN) {
            out.printf("    … and %,d more (--json lists them all)%n", items.size() - SHOWN);
        }
    }
}

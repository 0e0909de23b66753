package app.segmenta.ingest;

import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.GraphStore;
import app.segmenta.catalog.Queries;
import app.segmenta.catalog.Vocab;
import app.segmenta.config.SegmentaConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports review files into the knowledge graph. Rows are written in batches, one TDB2 write transaction each;
 * because every record has a stable IRI and a content hash, running an interrupted import again completes it
 * without duplicating anything, and re-importing an edited file updates only what changed.
 */
@ApplicationScoped
public class Importer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_WARNINGS = 1000;

    private final GraphStore store;
    private final ConceptIndex concepts;
    private final int batchSize;
    private final CategorySimilarity similarity;

    @Inject
    public Importer(GraphStore store, ConceptIndex concepts, SegmentaConfig config, EmbeddingCategorySimilarity similarity) {
        this(store, concepts, config.ingest().batchSize(), similarity);
    }

    /** Maps categories by name only. */
    public Importer(GraphStore store, ConceptIndex concepts, int batchSize) {
        this(store, concepts, batchSize, CategorySimilarity.NONE);
    }

    public Importer(GraphStore store, ConceptIndex concepts, int batchSize, CategorySimilarity similarity) {
        this.store = store;
        this.concepts = concepts;
        this.batchSize = batchSize;
        this.similarity = similarity;
    }

    public ImportSummary importFile(Path file, ImportOptions options, ImportListener listener) {
        long started = System.nanoTime();
        String source = options.sourceName() != null ? options.sourceName() : file.getFileName().toString();
        Path mappingPath = mappingPath(file, options);
        MappingFile mappingFile = mappingPath == null ? null : MappingFile.read(mappingPath);
        long totalBytes = size(file);
        if (options.sourceName() == null) {
            checkSameFile(source, file);
        }
        try (SourceReader reader = SourceFiles.open(file, formatFor(options, mappingFile))) {
            ColumnMapping mapping = ColumnMapping.resolve(file.getFileName().toString(), reader.headers(), mappingFile);
            Node run = startRun(source, file);
            listener.started(run.getURI().substring(run.getURI().lastIndexOf('/') + 1), source, totalBytes);
            try {
                Run state = new Run(source, mapping);
                readAll(reader, state, listener, totalBytes);
                if (state.read == 0) {
                    throw new InvalidSourceException(file.getFileName() + " has a header but no rows.");
                }
                ImportSummary summary = state.summary(file, mappingPath, reader.format(),
                        (System.nanoTime() - started) / 1e9);
                finishRun(run, "completed", summary);
                listener.finished(summary);
                return summary;
            } catch (RuntimeException e) {
                finishRun(run, "failed", null);
                throw e;
            }
        }
    }

    private void readAll(SourceReader reader, Run state, ImportListener listener, long totalBytes) {
        SourceRecord record;
        while ((record = reader.next()) != null) {
            state.accept(record);
            if (state.batch.size() >= batchSize) {
                state.flush(listener);
            }
            if (state.read % 100 == 0) {
                listener.progress(state.read, reader.bytesRead());
            }
        }
        state.flush(listener);
        listener.progress(state.read, totalBytes);
    }

    /** Checks a file and shows how its columns would be read, without importing anything. */
    public ImportPreview preview(Path file, ImportOptions options) {
        Path mappingPath = mappingPath(file, options);
        MappingFile mappingFile = mappingPath == null ? null : MappingFile.read(mappingPath);
        try (SourceReader reader = SourceFiles.open(file, formatFor(options, mappingFile))) {
            ColumnMapping mapping = ColumnMapping.resolve(file.getFileName().toString(), reader.headers(), mappingFile);
            List<Map<String, Object>> samples = new ArrayList<>();
            for (SourceRecord r = reader.next(); r != null && samples.size() < ImportPreview.SAMPLES; r = reader.next()) {
                if (r.error() == null) {
                    samples.add(r.values());
                }
            }
            return new ImportPreview(reader.headers(), mapping.describe(), mapping.ignoredColumns(), samples);
        }
    }

    /** Records in a file (well-formed or not), counting no further than {@code stopAfter}. */
    public long countRecords(Path file, ImportOptions options, long stopAfter) {
        Path mappingPath = mappingPath(file, options);
        MappingFile mappingFile = mappingPath == null ? null : MappingFile.read(mappingPath);
        long n = 0;
        try (SourceReader reader = SourceFiles.open(file, formatFor(options, mappingFile))) {
            while (n < stopAfter && reader.next() != null) {
                n++;
            }
        }
        return n;
    }

    /** The mapping file given, else {@code <name>.mapping.json} beside the data, else none. */
    private static Path mappingPath(Path file, ImportOptions options) {
        return options.mapping() != null ? options.mapping() : SourceFiles.siblingMapping(file).orElse(null);
    }

    private static SourceFormat formatFor(ImportOptions options, MappingFile mappingFile) {
        return options.format() != null ? options.format()
                : mappingFile != null && mappingFile.format() != null ? SourceFormat.parse(mappingFile.format()) : null;
    }

    /** Holds one file's counters and the batch not yet written. */
    private final class Run {
        final String source;
        final ColumnMapping mapping;
        final RowParser parser;
        final CategoryMapper categories = new CategoryMapper(concepts, similarity);
        final Map<String, Long> similar = new LinkedHashMap<>();
        final ReviewWriter writer;
        final List<ReviewWriter.MappedRow> batch = new ArrayList<>();
        final List<ImportSummary.RowIssue> skipped = new ArrayList<>();
        final List<ImportSummary.RowIssue> warnings = new ArrayList<>();
        final Map<String, Long> unmapped = new LinkedHashMap<>();
        final Set<String> customers = new HashSet<>();
        final Set<String> products = new HashSet<>();
        final Set<String> mappedValues = new HashSet<>();
        long read;
        long imported;
        long updated;
        long unchanged;
        long committed;
        long withoutCategory;

        Run(String source, ColumnMapping mapping) {
            this.source = source;
            this.mapping = mapping;
            this.parser = new RowParser(mapping);
            this.writer = new ReviewWriter(source);
        }

        void accept(SourceRecord record) {
            read++;
            if (record.error() != null) {
                skipped.add(new ImportSummary.RowIssue(record.number(), record.error()));
                return;
            }
            ReviewRow row = parser.parse(record,
                    reason -> skipped.add(new ImportSummary.RowIssue(record.number(), reason)),
                    reason -> {
                        if (warnings.size() < MAX_WARNINGS) {
                            warnings.add(new ImportSummary.RowIssue(record.number(), reason));
                        }
                    });
            if (row == null) {
                return;
            }
            var mapped = categories.map(row.category());
            if (row.category().isEmpty()) {
                withoutCategory++;
            } else if (mapped.isEmpty()) {
                unmapped.merge(row.category().raw(), 1L, Long::sum);
                withoutCategory++;
            } else {
                mappedValues.add(row.category().raw());
                if (categories.similarityMatch(row.category().raw()) != null) {
                    similar.merge(row.category().raw(), 1L, Long::sum);
                }
            }
            customers.add(row.customerId() != null ? row.customerId() : DataIris.anonymousCustomerId(source, row.row()));
            products.add(DataIris.product(source, row).getURI());
            batch.add(new ReviewWriter.MappedRow(row, mapped));
        }

        void flush(ImportListener listener) {
            if (batch.isEmpty()) {
                return;
            }
            long[] outcome = store.write(dsg -> {
                GraphStore.prefetch(dsg, writer.subjects(batch));
                Graph data = GraphStore.dataGraph(dsg);
                long[] n = new long[3];
                for (ReviewWriter.MappedRow row : batch) {
                    n[writer.write(data, row).ordinal()]++;
                }
                return n;
            });
            imported += outcome[0];
            updated += outcome[1];
            unchanged += outcome[2];
            committed += batch.size();
            batch.clear();
            listener.committed(committed);
        }

        ImportSummary summary(Path file, Path mappingFile, SourceFormat format, double seconds) {
            List<ImportSummary.LabelCount> unmappedList = unmapped.entrySet().stream()
                    .map(e -> new ImportSummary.LabelCount(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingLong(ImportSummary.LabelCount::reviews).reversed()
                            .thenComparing(ImportSummary.LabelCount::label))
                    .toList();
            List<ImportSummary.SimilarityMapping> similarList = similar.entrySet().stream().map(e -> {
                        CategorySimilarity.Match m = categories.similarityMatch(e.getKey());
                        return new ImportSummary.SimilarityMapping(e.getKey(), m.concept().iri(), m.concept().label(),
                                m.score(), m.nearestName(), e.getValue());
                    })
                    .sorted(Comparator.comparingDouble(ImportSummary.SimilarityMapping::score))
                    .toList();
            return new ImportSummary(read, imported, updated, unchanged, List.copyOf(skipped), unmappedList, similarList, source,
                    file.getFileName().toString(), format.name().toLowerCase(Locale.ROOT), mapping.describe(),
                    mappingFile == null ? null : mappingFile.toString(), mapping.ignoredColumns(),
                    List.copyOf(warnings), customers.size(), products.size(), mappedValues.size(), withoutCategory,
                    Math.round(seconds * 1000) / 1000.0, seconds > 0 ? Math.round(read / seconds) : read);
        }
    }

    /**
     * Reviews are identified by source name and record number, so a different file that happens to have the same
     * name would overwrite them row by row. That needs the person to say so with an explicit source name.
     */
    private void checkSameFile(String source, Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        store.select(Queries.get("select-source-path"), Map.of("source", NodeFactory.createLiteralString(source)),
                row -> row.get("path").getLiteralLexicalForm()).stream().findFirst()
                .filter(previous -> !previous.equals(path))
                .ifPresent(previous -> {
                    throw new InvalidSourceException(source + " was imported before from " + previous + ". Importing "
                            + path + " under the same source name would replace those reviews row by row. If it is a "
                            + "newer version of that file, confirm with --source " + source + "; to keep both, give "
                            + "this one another name with --source.");
                });
    }

    private Node startRun(String source, Path file) {
        Node run = DataIris.importRun(UUID.randomUUID().toString());
        store.update(dsg -> {
            Graph data = GraphStore.dataGraph(dsg);
            data.add(run, Vocab.TYPE, Vocab.IMPORT_RUN);
            data.add(run, Vocab.SOURCE_FILE, NodeFactory.createLiteralString(source));
            data.add(run, Vocab.SOURCE_PATH, NodeFactory.createLiteralString(file.toAbsolutePath().normalize().toString()));
            data.add(run, Vocab.STATUS, NodeFactory.createLiteralString("running"));
            data.add(run, Vocab.STARTED_AT, now());
        });
        return run;
    }

    private void finishRun(Node run, String status, ImportSummary summary) {
        store.update(dsg -> {
            Graph data = GraphStore.dataGraph(dsg);
            data.remove(run, Vocab.STATUS, Node.ANY);
            data.add(run, Vocab.STATUS, NodeFactory.createLiteralString(status));
            data.add(run, Vocab.FINISHED_AT, now());
            if (summary != null) {
                data.add(run, Vocab.SUMMARY_JSON, NodeFactory.createLiteralString(toJson(summary)));
            }
        });
    }

    private static Node now() {
        return NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime);
    }

    private static String toJson(ImportSummary summary) {
        try {
            return JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new InvalidSourceException("No such file: " + file);
            }
            throw new UncheckedIOException(e);
        }
    }
}

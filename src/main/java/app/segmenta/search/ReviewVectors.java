package app.segmenta.search;

import app.segmenta.catalog.GraphStore;
import app.segmenta.catalog.Queries;
import app.segmenta.config.SegmentaConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.codec.digest.DigestUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the vector index in step with the reviews in the knowledge graph: embeds what is new or changed, drops
 * what is gone. Each distinct passage text is embedded once per model (the index doubles as the cache), and
 * every batch is committed, so an interrupted pass resumes where it stopped.
 */
@ApplicationScoped
public class ReviewVectors implements AutoCloseable {

    private final GraphStore store;
    private final Embedder embedder;
    private final Path directory;
    private final int batchSize;
    private VectorIndex index;

    @Inject
    public ReviewVectors(GraphStore store, Embedder embedder, SegmentaConfig config) {
        this(store, embedder, config.dataDir().resolve("vectors"), config.embedding().batchSize());
    }

    public ReviewVectors(GraphStore store, Embedder embedder, Path directory, int batchSize) {
        this.store = store;
        this.embedder = embedder;
        this.directory = directory;
        this.batchSize = batchSize;
    }

    /** Bumped when the index layout changes, so an older index is rebuilt rather than misread. */
    private static final String LAYOUT = "v2";

    /** The index of the configured model (one folder per model, so switching models re-embeds). */
    public synchronized VectorIndex index() {
        if (index == null) {
            index = new VectorIndex(directory.resolve(LAYOUT).resolve(embedder.fileName()));
        }
        return index;
    }

    private record ReviewText(String review, String text, String hash) {
    }

    public synchronized EmbeddingSummary embedPending(EmbeddingListener listener) {
        long started = System.nanoTime();
        VectorIndex vectors = index();
        List<ReviewText> reviews = store.select(Queries.get("select-review-texts"), Map.of(), row -> new ReviewText(
                row.get("review").getURI(), row.get("text").getLiteralLexicalForm(), row.get("hash").getLiteralLexicalForm()));
        Map<String, String> indexed = vectors.reviewHashes();
        Set<String> inGraph = reviews.stream().map(ReviewText::review).collect(Collectors.toSet());
        List<String> gone = indexed.keySet().stream().filter(r -> !inGraph.contains(r)).toList();
        vectors.delete(gone);
        List<ReviewText> pending = reviews.stream().filter(r -> !r.hash().equals(indexed.get(r.review()))).toList();
        listener.embeddingStarted(pending.size());
        long passages = 0;
        long cached = 0;
        for (int from = 0; from < pending.size(); from += batchSize) {
            List<ReviewText> batch = pending.subList(from, Math.min(pending.size(), from + batchSize));
            long[] counts = embedBatch(vectors, batch);
            passages += counts[0];
            cached += counts[1];
            vectors.commit();
            listener.embedded(from + batch.size(), pending.size());
        }
        if (pending.isEmpty() && !gone.isEmpty()) {
            vectors.commit();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new EmbeddingSummary(embedder.modelId(), pending.size(), passages, cached, gone.size(),
                reviews.size() - pending.size(), round(seconds), round(pending.size() / Math.max(seconds, 1e-9)),
                round(passages / Math.max(seconds, 1e-9)));
    }

    /** Embeds one batch; returns {passages, of which reused from the cache}. */
    private long[] embedBatch(VectorIndex vectors, List<ReviewText> batch) {
        Map<String, List<Passages.Passage>> split = new LinkedHashMap<>();
        Map<String, String> textOfHash = new LinkedHashMap<>();
        Map<String, float[]> known = new HashMap<>();
        long passages = 0;
        for (ReviewText r : batch) {
            List<Passages.Passage> ps = Passages.split(r.text());
            split.put(r.review(), ps);
            for (Passages.Passage p : ps) {
                passages++;
                String hash = textHash(p.text());
                if (!known.containsKey(hash) && !textOfHash.containsKey(hash)) {
                    vectors.cached(hash).ifPresentOrElse(v -> known.put(hash, v), () -> textOfHash.put(hash, p.text()));
                }
            }
        }
        long computed = textOfHash.size();
        List<String> hashes = new ArrayList<>(textOfHash.keySet());
        List<float[]> fresh = embedder.embedAll(new ArrayList<>(textOfHash.values()));
        for (int i = 0; i < hashes.size(); i++) {
            known.put(hashes.get(i), fresh.get(i));
        }
        for (ReviewText r : batch) {
            List<VectorIndex.PassageVector> out = new ArrayList<>();
            List<Passages.Passage> ps = split.get(r.review());
            for (int i = 0; i < ps.size(); i++) {
                Passages.Passage p = ps.get(i);
                String hash = textHash(p.text());
                out.add(new VectorIndex.PassageVector(i, p.start(), p.end(), hash, known.get(hash)));
            }
            vectors.replace(r.review(), r.hash(), out);
        }
        return new long[]{passages, passages - computed};
    }

    private String textHash(String passage) {
        return DigestUtils.sha256Hex(embedder.modelId() + "\n" + Passages.normalize(passage));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (index != null) {
            index.close();
            index = null;
        }
    }
}

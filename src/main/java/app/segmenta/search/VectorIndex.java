package app.segmenta.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Passage vectors on disk in a Lucene index (HNSW graph, memory-mapped), keyed by review IRI. Vectors never go
 * into RDF. Each review's passages are replaced together, so a review is either fully indexed or not at all.
 */
public final class VectorIndex implements AutoCloseable {

    private static final String REVIEW = "review";
    private static final String CONTENT_HASH = "contentHash";
    private static final String TEXT_HASH = "textHash";
    private static final String PASSAGE = "passage";
    private static final String START = "start";
    private static final String END = "end";
    private static final String VECTOR = "vector";

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public VectorIndex(Path dir) {
        this(dir, 64);
    }

    /** @param ramBufferMb memory for buffered passages before a segment is written (its HNSW graph built) */
    public VectorIndex(Path dir, double ramBufferMb) {
        try {
            directory = FSDirectory.open(dir);
            writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(ramBufferMb)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the vector index in " + dir, e);
        }
    }

    /** One embedded passage of a review. */
    public record PassageVector(int ordinal, int start, int end, String textHash, float[] vector) {
    }

    /** A passage found by a search, best first; {@code score} is the cosine similarity. */
    public record Hit(String review, int passage, int start, int end, float score) {
    }

    /** Replaces every passage of a review (visible after {@link #commit}). */
    public void replace(String review, String contentHash, List<PassageVector> passages) {
        List<Document> docs = new ArrayList<>();
        for (PassageVector p : passages) {
            Document d = new Document();
            d.add(new StringField(REVIEW, review, Field.Store.YES));
            d.add(new SortedDocValuesField(REVIEW, new BytesRef(review)));
            d.add(new StringField(CONTENT_HASH, contentHash, Field.Store.YES));
            d.add(new StringField(TEXT_HASH, p.textHash(), Field.Store.NO));
            d.add(new StoredField(PASSAGE, p.ordinal()));
            d.add(new StoredField(START, p.start()));
            d.add(new StoredField(END, p.end()));
            d.add(new KnnFloatVectorField(VECTOR, p.vector(), VectorSimilarityFunction.DOT_PRODUCT));
            docs.add(d);
        }
        try {
            writer.updateDocuments(new Term(REVIEW, review), docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(Collection<String> reviews) {
        if (reviews.isEmpty()) {
            return;
        }
        try {
            writer.deleteDocuments(reviews.stream().map(r -> new Term(REVIEW, r)).toArray(Term[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the changes durable and visible to searches. */
    public void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Review IRI → the content hash it was embedded at. */
    public Map<String, String> reviewHashes() {
        return withSearcher(searcher -> {
            Map<String, String> out = new HashMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                StoredFields fields = leaf.reader().storedFields();
                var live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        Document d = fields.document(doc, Set.of(REVIEW, CONTENT_HASH));
                        out.put(d.get(REVIEW), d.get(CONTENT_HASH));
                    }
                }
            }
            return out;
        });
    }

    /** A vector already computed for a passage text with this hash, if any (the embedding cache). */
    public Optional<float[]> cached(String textHash) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(TEXT_HASH, textHash)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(vectorOf(searcher, top.scoreDocs[0].doc));
        });
    }

    /**
     * Every passage at least {@code minScore} similar to {@code query} (cosine), best first; with
     * {@code onlyReviews}, only those reviews' passages. An exact scan of the memory-mapped vectors: for "all that
     * match" it is cheaper than an HNSW search with a large k, and it misses nothing.
     */
    public List<Hit> scan(float[] query, float minScore, Set<String> onlyReviews) {
        return withSearcher(searcher -> {
            List<Hit> hits = new ArrayList<>();
            forEachLivePassage(searcher, (leaf, ord, doc) -> {
                // The dot product first: it rejects most passages before the review id is looked up.
                float score = VectorUtil.dotProduct(query, leaf.values().vectorValue(ord));
                if (score < minScore) {
                    return;
                }
                String review = leaf.review(doc);
                if (review != null && (onlyReviews == null || onlyReviews.contains(review))) {
                    Document d = leaf.fields().document(doc, Set.of(PASSAGE, START, END));
                    hits.add(new Hit(review, number(d, PASSAGE), number(d, START), number(d, END), score));
                }
            });
            hits.sort(java.util.Comparator.comparingDouble(Hit::score).reversed());
            return hits;
        });
    }

    /** A review as the index holds it: the content hash it was embedded at and its passages, in order. */
    public record IndexedReview(String contentHash, List<PassageVector> passages) {
    }

    /** These reviews' passages with their vectors (reviews not in the index are absent from the result). */
    public Map<String, IndexedReview> passagesOf(Set<String> reviews) {
        return withSearcher(searcher -> {
            Map<String, IndexedReview> out = new HashMap<>();
            forEachLivePassage(searcher, (leaf, ord, doc) -> {
                String review = leaf.review(doc);
                if (review == null || !reviews.contains(review)) {
                    return;
                }
                Document d = leaf.fields().document(doc, Set.of(PASSAGE, START, END, CONTENT_HASH));
                out.computeIfAbsent(review, r -> new IndexedReview(d.get(CONTENT_HASH), new ArrayList<>()))
                        .passages().add(new PassageVector(number(d, PASSAGE), number(d, START), number(d, END), null,
                                leaf.values().vectorValue(ord).clone()));
            });
            out.values().forEach(r -> r.passages().sort(java.util.Comparator.comparingInt(PassageVector::ordinal)));
            return out;
        });
    }

    /**
     * The mean of each review's passage vectors (reviews not in the index are absent), read straight from the
     * vector values without touching stored fields: what segmentation needs for every customer of an audience.
     */
    public Map<String, float[]> meanVectors(Set<String> reviews) {
        return withSearcher(searcher -> {
            Map<String, float[]> sums = new HashMap<>();
            Map<String, Integer> counts = new HashMap<>();
            forEachLivePassage(searcher, (leaf, ord, doc) -> {
                String review = leaf.review(doc);
                if (review == null || !reviews.contains(review)) {
                    return;
                }
                float[] v = leaf.values().vectorValue(ord);
                float[] sum = sums.computeIfAbsent(review, r -> new float[v.length]);
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                }
                counts.merge(review, 1, Integer::sum);
            });
            sums.forEach((review, sum) -> {
                int n = counts.get(review);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] /= n;
                }
            });
            return sums;
        });
    }

    /** One index segment's vectors, review ids and stored fields. */
    private record Leaf(FloatVectorValues values, SortedDocValues reviews, StoredFields fields) {

        /** The review a passage belongs to, or null. */
        String review(int doc) throws IOException {
            return reviews.advanceExact(doc) ? reviews.lookupOrd(reviews.ordValue()).utf8ToString() : null;
        }
    }

    private interface PassageVisitor {
        void visit(Leaf leaf, int ord, int doc) throws IOException;
    }

    /** Every passage not deleted, leaf by leaf, in vector order. */
    private static void forEachLivePassage(IndexSearcher searcher, PassageVisitor visitor) throws IOException {
        for (LeafReaderContext context : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = context.reader().getFloatVectorValues(VECTOR);
            if (values == null) {
                continue;
            }
            var live = context.reader().getLiveDocs();
            Leaf leaf = new Leaf(values, context.reader().getSortedDocValues(REVIEW), context.reader().storedFields());
            for (int ord = 0; ord < values.size(); ord++) {
                int doc = values.ordToDoc(ord);
                if (live == null || live.get(doc)) {
                    visitor.visit(leaf, ord, doc);
                }
            }
        }
    }

    private static int number(Document d, String field) {
        return d.getField(field).numericValue().intValue();
    }

    /** The {@code k} passages nearest to {@code query}; with {@code onlyReviews}, among those reviews' passages. */
    public List<Hit> search(float[] query, int k, Set<String> onlyReviews) {
        Query filter = onlyReviews == null ? null
                : new TermInSetQuery(REVIEW, onlyReviews.stream().map(BytesRef::new).toList());
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, query, k, filter), k);
            List<Hit> hits = new ArrayList<>();
            StoredFields fields = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = fields.document(sd.doc);
                // Lucene scores DOT_PRODUCT as (1 + cosine) / 2.
                hits.add(new Hit(d.get(REVIEW), number(d, PASSAGE), number(d, START), number(d, END),
                        2 * sd.score - 1));
            }
            return hits;
        });
    }

    public int passages() {
        return withSearcher(searcher -> searcher.count(new MatchAllDocsQuery()));
    }

    private static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
        KnnVectorValues.DocIndexIterator it = values.iterator();
        it.advance(doc - leaf.docBase);
        return values.vectorValue(it.index()).clone();
    }

    private interface SearchWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearchWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

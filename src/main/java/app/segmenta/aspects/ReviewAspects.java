package app.segmenta.aspects;

import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.GraphStore;
import app.segmenta.catalog.Queries;
import app.segmenta.catalog.Vocab;
import app.segmenta.search.ReviewVectors;
import app.segmenta.search.VectorIndex;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Keeps the detected aspects in the knowledge graph in step with the reviews and the detector: each review carries
 * the stamp of the detector and content it was read with, so only new, changed or differently-detected reviews are
 * read again. Writes are batched, one write transaction per batch, so an interrupted pass resumes.
 */
@ApplicationScoped
public class ReviewAspects {

    static final int BATCH = 2000;

    private final GraphStore store;
    private final CatalogService catalog;
    private final ReviewVectors vectors;
    private final AspectDetectors detectors;

    public ReviewAspects(GraphStore store, CatalogService catalog, ReviewVectors vectors, AspectDetectors detectors) {
        this.store = store;
        this.catalog = catalog;
        this.vectors = vectors;
        this.detectors = detectors;
    }

    private record Input(String review, String hash, BigDecimal rating, String stamp) {
    }

    public synchronized AspectSummary detectPending(AspectListener listener, Consumer<String> log) {
        long started = System.nanoTime();
        AspectDetector detector = detectors.detector(log);
        String version = detector.version();
        List<Input> all = store.select(Queries.get("select-aspect-inputs"), Map.of(), row -> new Input(
                row.get("review").getURI(), row.get("hash").getLiteralLexicalForm(),
                row.contains("rating") ? new BigDecimal(row.get("rating").getLiteralLexicalForm()) : null,
                row.contains("stamp") ? row.get("stamp").getLiteralLexicalForm() : null));
        List<Input> pending = all.stream().filter(i -> !stamp(version, i.hash()).equals(i.stamp())).toList();
        listener.aspectsStarted(pending.size());
        Map<String, Long> complaints = new TreeMap<>();
        long praise = 0;
        long neutral = 0;
        long waiting = 0;
        for (int from = 0; from < pending.size(); from += BATCH) {
            List<Input> batch = pending.subList(from, Math.min(pending.size(), from + BATCH));
            Set<String> ids = batch.stream().map(Input::review).collect(Collectors.toSet());
            Map<String, VectorIndex.IndexedReview> indexed = vectors.index().passagesOf(ids);
            Map<String, String> texts = catalog.reviewTexts(ids);
            Map<Input, List<AspectFinding>> found = new LinkedHashMap<>();
            for (Input in : batch) {
                VectorIndex.IndexedReview r = indexed.get(in.review());
                if (r == null || !r.contentHash().equals(in.hash()) || !texts.containsKey(in.review())) {
                    waiting++;
                    continue;
                }
                List<AspectFinding> findings = detector.detect(in.rating(), texts.get(in.review()), r.passages());
                found.put(in, findings);
                for (AspectFinding f : findings) {
                    switch (f.polarity()) {
                        case COMPLAINT -> complaints.merge(f.name(), 1L, Long::sum);
                        case PRAISE -> praise++;
                        case NEUTRAL -> neutral++;
                    }
                }
            }
            store.update(dsg -> {
                Graph data = GraphStore.dataGraph(dsg);
                List<Node> reviews = found.keySet().stream().map(in -> NodeFactory.createURI(in.review())).toList();
                GraphStore.prefetch(dsg, reviews);
                // Writing clears each review's earlier mentions, which are nodes of their own
                List<Node> mentions = new ArrayList<>();
                reviews.forEach(r -> data.find(r, Vocab.ASPECT_MENTION, Node.ANY).forEachRemaining(t -> mentions.add(t.getObject())));
                GraphStore.prefetch(dsg, mentions);
                found.forEach((in, findings) -> write(data, in, findings, version));
            });
            listener.aspectsDetected(from + batch.size(), pending.size());
        }
        double seconds = Math.round((System.nanoTime() - started) / 1e6) / 1000.0;
        return new AspectSummary(version, pending.size() - waiting, all.size() - pending.size(), waiting, complaints,
                praise, neutral, seconds);
    }

    /** Review IRI → aspect IRI → how the review speaks of it, for every review with a detected mention. */
    public Map<String, Map<String, Polarity>> mentionsByReview() {
        Map<String, Map<String, Polarity>> out = new HashMap<>();
        store.select(Queries.get("select-review-aspects"), Map.of(), row -> out
                .computeIfAbsent(row.get("review").getURI(), k -> new HashMap<>())
                .put(row.get("aspect").getURI(), Polarity.ofIri(row.get("polarity").getURI())));
        return out;
    }

    private static String stamp(String version, String contentHash) {
        return version + ":" + contentHash;
    }

    private static void write(Graph data, Input in, List<AspectFinding> findings, String version) {
        Node review = NodeFactory.createURI(in.review());
        clear(data, review);
        for (AspectFinding f : findings) {
            Node aspect = NodeFactory.createURI(f.aspect());
            Node mention = mentionIri(in.review(), f.name());
            data.add(review, Vocab.ASPECT_MENTION, mention);
            data.add(review, Vocab.MENTIONS_ASPECT, aspect);
            if (f.polarity() == Polarity.COMPLAINT) {
                data.add(review, Vocab.COMPLAINS_ABOUT, aspect);
            } else if (f.polarity() == Polarity.PRAISE) {
                data.add(review, Vocab.PRAISES_ASPECT, aspect);
            }
            data.add(mention, Vocab.TYPE, Vocab.ASPECT_MENTION_CLASS);
            data.add(mention, Vocab.ASPECT_PROPERTY, aspect);
            data.add(mention, Vocab.POLARITY, f.polarity().iri());
            data.add(mention, Vocab.SCORE, NodeFactory.createLiteralDT(Double.toString(f.score()), XSDDatatype.XSDdouble));
            data.add(mention, Vocab.PASSAGE_START, integer(f.start()));
            data.add(mention, Vocab.PASSAGE_END, integer(f.end()));
        }
        data.add(review, Vocab.ASPECTS_DETECTED_WITH, NodeFactory.createLiteralString(stamp(version, in.hash())));
    }

    /** Removes what an earlier pass wrote about the review (its mention nodes included). */
    public static void clear(Graph data, Node review) {
        List<Node> mentions = new ArrayList<>();
        data.find(review, Vocab.ASPECT_MENTION, Node.ANY).forEachRemaining(t -> mentions.add(t.getObject()));
        mentions.forEach(m -> data.remove(m, Node.ANY, Node.ANY));
        for (Node p : List.of(Vocab.ASPECT_MENTION, Vocab.MENTIONS_ASPECT, Vocab.COMPLAINS_ABOUT, Vocab.PRAISES_ASPECT,
                Vocab.ASPECTS_DETECTED_WITH)) {
            data.remove(review, p, Node.ANY);
        }
    }

    static Node mentionIri(String review, String aspectName) {
        return NodeFactory.createURI(review + "/aspect/" + aspectName);
    }

    private static Node integer(int v) {
        return NodeFactory.createLiteralDT(Integer.toString(v), XSDDatatype.XSDinteger);
    }
}

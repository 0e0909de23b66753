package app.segmenta.segmentation;

import app.segmenta.audience.AudienceQuery;
import app.segmenta.catalog.GraphStore;
import app.segmenta.catalog.Queries;
import app.segmenta.catalog.Vocab;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Segmentations in the knowledge graph: a Segmentation node with its parameters, quality and audience
 * definition, a Segment node per segment with its label, size and members (customer nodes), and the computed
 * facts as JSON, each segmentation written in one transaction. Customers placed later are added as
 * {@code seg:laterMember}, so the original membership stays as computed.
 */
@ApplicationScoped
public class SegmentationStore {

    private final GraphStore store;
    private final ObjectMapper json;

    public SegmentationStore(GraphStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    static Node iri(String segmentationId) {
        return NodeFactory.createURI(Vocab.DATA + "segmentation/" + segmentationId);
    }

    static Node segmentIri(String segmentationId, int number) {
        return NodeFactory.createURI(Vocab.DATA + "segmentation/" + segmentationId + "/segment/" + number);
    }

    /** @param customerIris customer id → node IRI, for every customer of the audience */
    public void save(Segmentation s, Placement placement, Map<String, String> customerIris) {
        String detail = write(s);
        String placementJson = write(placement);
        String audience = write(s.audienceQuery());
        store.update(dsg -> {
            Graph g = GraphStore.dataGraph(dsg);
            Node node = iri(s.id());
            g.add(node, Vocab.TYPE, Vocab.SEGMENTATION);
            g.add(node, Vocab.SEGMENTATION_ID, NodeFactory.createLiteralString(s.id()));
            g.add(node, Vocab.CREATED_AT, NodeFactory.createLiteralDT(s.createdAt().toString(), XSDDatatype.XSDdateTime));
            g.add(node, Vocab.ALGORITHM, NodeFactory.createLiteralString(s.algorithm()));
            g.add(node, Vocab.K, integer(s.k()));
            g.add(node, Vocab.SEED, NodeFactory.createLiteralDT(Long.toString(s.seed()), XSDDatatype.XSDlong));
            g.add(node, Vocab.CUSTOMER_COUNT, integer(s.customers()));
            g.add(node, Vocab.UNASSIGNED_COUNT, integer(s.unassigned().size()));
            number(g, node, Vocab.SILHOUETTE, s.quality().silhouette());
            number(g, node, Vocab.DAVIES_BOULDIN, s.quality().daviesBouldin());
            number(g, node, Vocab.STABILITY, s.quality().stability());
            g.add(node, Vocab.AUDIENCE_JSON, NodeFactory.createLiteralString(audience));
            g.add(node, Vocab.DETAIL_JSON, NodeFactory.createLiteralString(detail));
            g.add(node, Vocab.PLACEMENT_JSON, NodeFactory.createLiteralString(placementJson));
            for (String customer : s.unassigned()) {
                g.add(node, Vocab.UNASSIGNED_CUSTOMER, NodeFactory.createURI(customerIris.get(customer)));
            }
            for (Segment segment : s.segments()) {
                Node sn = segmentIri(s.id(), segment.number());
                g.add(node, Vocab.HAS_SEGMENT, sn);
                g.add(sn, Vocab.TYPE, Vocab.SEGMENT);
                g.add(sn, Vocab.SEGMENT_NUMBER, integer(segment.number()));
                g.add(sn, Vocab.LABEL, NodeFactory.createLiteralString(segment.label()));
                g.add(sn, Vocab.SIZE, integer(segment.size()));
                g.add(sn, Vocab.SHARE, NodeFactory.createLiteralDT(Double.toString(segment.share()), XSDDatatype.XSDdouble));
                for (String customer : segment.customers()) {
                    g.add(sn, Vocab.MEMBER, NodeFactory.createURI(customerIris.get(customer)));
                }
            }
        });
    }

    /** Adds customers who arrived later to segments (customer IRI → 1-based segment number). */
    public void addLater(String segmentationId, Map<String, Integer> placed) {
        if (placed.isEmpty()) {
            return;
        }
        store.update(dsg -> {
            Graph g = GraphStore.dataGraph(dsg);
            placed.forEach((customer, number) ->
                    g.add(segmentIri(segmentationId, number), Vocab.LATER_MEMBER, NodeFactory.createURI(customer)));
        });
    }

    /**
     * Replaces the words of a stored segmentation's segments (label, description, persona) with those of {@code s},
     * in one transaction; its numbers and members stay as computed.
     */
    public void updateWords(Segmentation s) {
        Map<Integer, Segment> words = new LinkedHashMap<>();
        s.segments().forEach(seg -> words.put(seg.number(), seg));
        store.update(dsg -> {
            Graph g = GraphStore.dataGraph(dsg);
            Node node = iri(s.id());
            String detail = g.find(node, Vocab.DETAIL_JSON, Node.ANY).nextOptional()
                    .map(t -> t.getObject().getLiteralLexicalForm())
                    .orElseThrow(() -> new IllegalArgumentException("No segmentation has the id '" + s.id() + "'."));
            Segmentation stored = read(detail, Segmentation.class);
            List<Segment> segments = stored.segments().stream().map(seg -> {
                Segment w = words.get(seg.number());
                return w == null ? seg : seg.withWords(w.label(), w.description(), w.persona());
            }).toList();
            g.remove(node, Vocab.DETAIL_JSON, Node.ANY);
            g.add(node, Vocab.DETAIL_JSON, NodeFactory.createLiteralString(write(stored.withSegments(segments))));
            for (Segment seg : segments) {
                Node sn = segmentIri(s.id(), seg.number());
                g.remove(sn, Vocab.LABEL, Node.ANY);
                g.add(sn, Vocab.LABEL, NodeFactory.createLiteralString(seg.label()));
            }
        });
    }

    /** The segmentation as computed, with customers placed later added to their segments. */
    public Optional<Segmentation> find(String id) {
        Optional<String> detail = literal(id, Vocab.DETAIL_JSON);
        if (detail.isEmpty()) {
            return Optional.empty();
        }
        Segmentation s = read(detail.get(), Segmentation.class);
        Map<Integer, List<String>> later = new LinkedHashMap<>();
        store.select(Queries.get("select-later-members"), Map.of("segmentation", iri(id)), row ->
                later.computeIfAbsent(Integer.parseInt(text(row, "number")), n -> new ArrayList<>()).add(text(row, "customerId")));
        if (later.isEmpty()) {
            return Optional.of(s);
        }
        int total = s.customers() + later.values().stream().mapToInt(List::size).sum();
        List<Segment> segments = s.segments().stream().map(seg -> {
            List<String> added = later.getOrDefault(seg.number(), List.of()).stream().sorted().toList();
            List<String> customers = new ArrayList<>(seg.customers());
            customers.addAll(added);
            return seg.withMembers(customers, added, SegmentStatistics.round((double) customers.size() / total, 4));
        }).toList();
        return Optional.of(s.withSegments(segments));
    }

    public Optional<Placement> placement(String id) {
        return literal(id, Vocab.PLACEMENT_JSON).map(j -> read(j, Placement.class));
    }

    public List<SegmentationSummary> list() {
        Map<String, SegmentationSummary> out = new LinkedHashMap<>();
        store.select(Queries.get("select-segmentations"), Map.of(), row -> {
            SegmentationSummary s = out.computeIfAbsent(text(row, "id"), id -> new SegmentationSummary(id,
                    Instant.parse(text(row, "createdAt")), text(row, "algorithm"), Integer.parseInt(text(row, "k")),
                    Integer.parseInt(text(row, "customers")),
                    new Segmentation.Quality(decimal(row, "silhouette"), decimal(row, "daviesBouldin"),
                            decimal(row, "stability"), Long.parseLong(text(row, "unassigned")), null),
                    read(text(row, "audience"), AudienceQuery.class), new ArrayList<>()));
            if (row.contains("number")) {
                s.segments().add(new SegmentationSummary.SegmentLine(Integer.parseInt(text(row, "number")),
                        text(row, "label"), Integer.parseInt(text(row, "size"))));
            }
            return s;
        });
        return List.copyOf(out.values());
    }

    private Optional<String> literal(String id, Node property) {
        return store.read(dsg -> GraphStore.dataGraph(dsg).find(iri(id), property, Node.ANY).nextOptional()
                .map(t -> t.getObject().getLiteralLexicalForm()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored segmentation cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static Node integer(long v) {
        return NodeFactory.createLiteralDT(Long.toString(v), XSDDatatype.XSDinteger);
    }

    private static void number(Graph g, Node s, Node p, Double v) {
        if (v != null) {
            g.add(s, p, NodeFactory.createLiteralDT(Double.toString(v), XSDDatatype.XSDdouble));
        }
    }

    private static String text(Binding row, String var) {
        return row.get(var).getLiteralLexicalForm();
    }

    private static Double decimal(Binding row, String var) {
        return row.contains(var) ? Double.valueOf(text(row, var)) : null;
    }
}

package app.segmenta.ingest;

import app.segmenta.aspects.ReviewAspects;
import app.segmenta.catalog.Concept;
import app.segmenta.catalog.Vocab;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes mapped rows into the data graph, idempotently: a review whose content hash is already stored is left
 * alone, a changed one is replaced, a new one added. The caller holds the write transaction.
 */
final class ReviewWriter {

    enum Outcome { IMPORTED, UPDATED, UNCHANGED }

    record MappedRow(ReviewRow row, List<Concept> concepts) {
    }

    private final String source;
    /** Products and customers already written by this run: their later rows would write the same triples. */
    private final Set<Node> written = new HashSet<>();

    ReviewWriter(String source) {
        this.source = source;
    }

    /** Every node whose triples {@link #write} reads for these rows. */
    List<Node> subjects(List<MappedRow> rows) {
        List<Node> out = new ArrayList<>();
        for (MappedRow mapped : rows) {
            ReviewRow r = mapped.row();
            out.add(DataIris.review(source, r.row()));
            out.add(r.customerId() == null ? DataIris.anonymousCustomer(source, r.row()) : DataIris.customer(r.customerId()));
            out.add(DataIris.product(source, r));
            if (r.brand() != null) {
                out.add(DataIris.brand(r.brand()));
            }
        }
        return out;
    }

    Outcome write(Graph data, MappedRow mapped) {
        ReviewRow r = mapped.row();
        Node review = DataIris.review(source, r.row());
        Node hash = NodeFactory.createLiteralString(hash(mapped));
        var stored = data.find(review, Vocab.CONTENT_HASH, Node.ANY).nextOptional();
        if (stored.isPresent() && stored.get().getObject().equals(hash)) {
            return Outcome.UNCHANGED;
        }
        if (stored.isPresent()) {
            ReviewAspects.clear(data, review);
            data.remove(review, Node.ANY, Node.ANY);
        }
        Node customer = writeCustomer(data, r);
        Node product = writeProduct(data, r, mapped.concepts());
        data.add(review, Vocab.TYPE, Vocab.REVIEW);
        data.add(review, Vocab.AUTHOR, customer);
        data.add(review, Vocab.REVIEW_OF, product);
        data.add(review, Vocab.TEXT, NodeFactory.createLiteralString(r.text()));
        data.add(review, Vocab.SOURCE_FILE, NodeFactory.createLiteralString(source));
        data.add(review, Vocab.SOURCE_ROW, NodeFactory.createLiteralDT(Long.toString(r.row()), XSDDatatype.XSDinteger));
        data.add(review, Vocab.CONTENT_HASH, hash);
        if (r.title() != null) {
            data.add(review, Vocab.TITLE, NodeFactory.createLiteralString(r.title()));
        }
        if (r.rating() != null) {
            data.add(review, Vocab.RATING, NodeFactory.createLiteralDT(r.rating().toPlainString(), XSDDatatype.XSDdecimal));
        }
        if (r.date() != null) {
            data.add(review, Vocab.REVIEW_DATE, NodeFactory.createLiteralDT(r.date().toString(), XSDDatatype.XSDdate));
        }
        return stored.isPresent() ? Outcome.UPDATED : Outcome.IMPORTED;
    }

    private Node writeCustomer(Graph data, ReviewRow r) {
        boolean anonymous = r.customerId() == null;
        Node customer = anonymous ? DataIris.anonymousCustomer(source, r.row()) : DataIris.customer(r.customerId());
        String id = anonymous ? DataIris.anonymousCustomerId(source, r.row()) : r.customerId();
        if (!written.add(customer)) {
            return customer;
        }
        data.add(customer, Vocab.TYPE, Vocab.CUSTOMER);
        data.add(customer, Vocab.EXTERNAL_ID, NodeFactory.createLiteralString(id));
        if (anonymous) {
            data.add(customer, Vocab.ANONYMOUS, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
        }
        r.attributes().forEach((attribute, value) -> replace(data, customer, attribute.property(), attribute.literal(value)));
        r.extraAttributes().forEach((name, value) ->
                replace(data, customer, Vocab.attribute(name), NodeFactory.createLiteralString(value)));
        return customer;
    }

    private Node writeProduct(Graph data, ReviewRow r, List<Concept> concepts) {
        Node product = DataIris.product(source, r);
        if (!written.add(product)) {
            return product;
        }
        data.add(product, Vocab.TYPE, Vocab.PRODUCT);
        if (r.productId() != null) {
            replace(data, product, Vocab.EXTERNAL_ID, NodeFactory.createLiteralString(r.productId()));
        }
        if (r.productName() != null) {
            replace(data, product, Vocab.NAME, NodeFactory.createLiteralString(r.productName()));
        }
        if (r.brand() != null) {
            Node brand = DataIris.brand(r.brand());
            data.add(brand, Vocab.TYPE, Vocab.BRAND);
            if (!data.find(brand, Vocab.NAME, Node.ANY).hasNext()) {
                data.add(brand, Vocab.NAME, NodeFactory.createLiteralString(r.brand()));
            }
            replace(data, product, Vocab.HAS_BRAND, brand);
        }
        if (!r.category().isEmpty()) {
            data.remove(product, Vocab.IN_CATEGORY, Node.ANY);
            data.remove(product, Vocab.SOURCE_CATEGORY, Node.ANY);
            if (concepts.isEmpty()) {
                data.add(product, Vocab.SOURCE_CATEGORY, NodeFactory.createLiteralString(r.category().raw()));
            }
            concepts.forEach(c -> data.add(product, Vocab.IN_CATEGORY, NodeFactory.createURI(c.iri())));
        }
        return product;
    }

    private static void replace(Graph data, Node subject, Node property, Node value) {
        if (data.contains(subject, property, value)) {
            return;
        }
        data.remove(subject, property, Node.ANY);
        data.add(Triple.create(subject, property, value));
    }

    /** Everything the row contributes, so an edited record (or a changed mapping) reads as updated. */
    private static String hash(MappedRow m) {
        ReviewRow r = m.row();
        String attributes = Stream.concat(
                        r.attributes().entrySet().stream().map(e -> e.getKey().key() + "=" + e.getValue()),
                        r.extraAttributes().entrySet().stream().map(e -> "+" + e.getKey() + "=" + e.getValue()))
                .collect(Collectors.joining(","));
        String concepts = m.concepts().stream().map(Concept::iri).collect(Collectors.joining(","));
        String joined = Stream.of(r.text(), r.title(), r.rating(), r.date(), r.customerId(), r.productId(),
                        r.productName(), r.brand(), r.category().raw(), attributes, concepts)
                .map(v -> Objects.toString(v, "")).collect(Collectors.joining("\u0000"));
        return DigestUtils.sha256Hex(joined);
    }
}

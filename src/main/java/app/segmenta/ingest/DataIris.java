package app.segmenta.ingest;

import app.segmenta.catalog.Labels;
import app.segmenta.catalog.Vocab;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Stable IRIs for imported things, so the same record always lands on the same node: a review is its source
 * and record number, a customer or product its id in the store's data.
 */
final class DataIris {
    private DataIris() {
    }

    static Node review(String source, long row) {
        return iri("review/" + enc(source) + "/" + row);
    }

    static Node customer(String customerId) {
        return iri("customer/" + enc(customerId));
    }

    /** A customer made up for one review whose source has no customer id: never shared with another review. */
    static Node anonymousCustomer(String source, long row) {
        return iri("customer/anon/" + enc(source) + "/" + row);
    }

    static String anonymousCustomerId(String source, long row) {
        return "anon:" + source + ":" + row;
    }

    static Node product(String source, ReviewRow r) {
        if (r.productId() != null) {
            return iri("product/" + enc(r.productId()));
        }
        if (r.productName() != null) {
            String key = Labels.normalize(r.productName()) + "|" + (r.brand() == null ? "" : Labels.normalize(r.brand()));
            return iri("product/by-name/" + DigestUtils.sha256Hex(key).substring(0, 24));
        }
        return iri("product/unnamed/" + enc(source) + "/" + r.row());
    }

    static Node brand(String name) {
        return iri("brand/" + enc(Labels.normalize(name).replace(' ', '-')));
    }

    static Node importRun(String id) {
        return iri("import/" + id);
    }

    private static Node iri(String path) {
        return NodeFactory.createURI(Vocab.DATA + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

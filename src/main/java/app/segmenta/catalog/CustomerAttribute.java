package app.segmenta.catalog;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import java.util.Optional;

/** The customer attributes the ontology knows; each is a single-valued property on a Customer. */
public enum CustomerAttribute {
    AGE("age", XSDDatatype.XSDinteger),
    GENDER("gender", XSDDatatype.XSDstring),
    CITY("city", XSDDatatype.XSDstring),
    REGION("region", XSDDatatype.XSDstring),
    COUNTRY("country", XSDDatatype.XSDstring),
    EMAIL("email", XSDDatatype.XSDstring),
    /** As written in the source; the ad-platform exports bring it to E.164. */
    PHONE("phone", XSDDatatype.XSDstring);

    private final String key;
    private final XSDDatatype datatype;

    CustomerAttribute(String key, XSDDatatype datatype) {
        this.key = key;
        this.datatype = datatype;
    }

    public String key() {
        return key;
    }

    public Node property() {
        return Vocab.core(key);
    }

    public Node literal(String value) {
        return NodeFactory.createLiteralDT(value, datatype);
    }

    public static Optional<CustomerAttribute> byKey(String key) {
        for (CustomerAttribute a : values()) {
            if (a.key.equals(key)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}

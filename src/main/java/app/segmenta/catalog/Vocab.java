package app.segmenta.catalog;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;

/** IRIs of the Segmenta ontology and of the named graphs the store keeps. */
public final class Vocab {
    public static final String CORE = "https://segmenta.app/ns/core#";
    public static final String CATEGORY = "https://segmenta.app/ns/category/";
    public static final String ASPECT = "https://segmenta.app/ns/aspect/";
    public static final String DATA = "https://segmenta.app/data/";
    /** Customer attributes a mapping file names beyond the built-in ones: one property per name. */
    public static final String ATTRIBUTE = "https://segmenta.app/ns/attribute/";

    /**
     * The named graph holding the ontology, replaced wholesale when the shipped ontology changes. Imported data
     * lives in the default graph (three indexes instead of a named graph's six: half the writes and the disk).
     */
    public static final Node ONTOLOGY_GRAPH = NodeFactory.createURI("urn:segmenta:graph:ontology");

    public static final Node CATEGORY_SCHEME = NodeFactory.createURI(CATEGORY + "scheme");
    public static final Node ASPECT_SCHEME = NodeFactory.createURI(ASPECT + "scheme");

    public static final Node TYPE = RDF.type.asNode();
    public static final Node CUSTOMER = core("Customer");
    public static final Node PRODUCT = core("Product");
    public static final Node BRAND = core("Brand");
    public static final Node REVIEW = core("Review");
    public static final Node IMPORT_RUN = core("ImportRun");

    public static final Node AUTHOR = core("author");
    public static final Node REVIEW_OF = core("reviewOf");
    public static final Node HAS_BRAND = core("brand");
    public static final Node IN_CATEGORY = core("inCategory");
    public static final Node SOURCE_CATEGORY = core("sourceCategory");
    public static final Node RATING = core("rating");
    public static final Node REVIEW_DATE = core("reviewDate");
    public static final Node TITLE = core("title");
    public static final Node TEXT = core("text");
    public static final Node CONTENT_HASH = core("contentHash");
    public static final Node SOURCE_FILE = core("sourceFile");
    public static final Node SOURCE_ROW = core("sourceRow");
    public static final Node EXTERNAL_ID = core("externalId");
    public static final Node NAME = core("name");
    public static final Node ANONYMOUS = core("anonymous");

    public static final Node SOURCE_PATH = core("sourcePath");
    public static final Node STARTED_AT = core("startedAt");
    public static final Node FINISHED_AT = core("finishedAt");
    public static final Node STATUS = core("status");
    public static final Node SUMMARY_JSON = core("summaryJson");

    public static final Node MENTIONS_ASPECT = core("mentionsAspect");
    public static final Node COMPLAINS_ABOUT = core("complainsAbout");
    public static final Node PRAISES_ASPECT = core("praisesAspect");
    public static final Node ASPECT_MENTION = core("aspectMention");
    public static final Node ASPECT_MENTION_CLASS = core("AspectMention");
    public static final Node ASPECT_PROPERTY = core("aspect");
    public static final Node POLARITY = core("polarity");
    public static final Node SCORE = core("score");
    public static final Node PASSAGE_START = core("passageStart");
    public static final Node PASSAGE_END = core("passageEnd");
    public static final Node ASPECTS_DETECTED_WITH = core("aspectsDetectedWith");

    public static final Node SEGMENTATION = core("Segmentation");
    public static final Node SEGMENT = core("Segment");
    public static final Node HAS_SEGMENT = core("hasSegment");
    public static final Node MEMBER = core("member");
    public static final Node LATER_MEMBER = core("laterMember");
    public static final Node UNASSIGNED_CUSTOMER = core("unassignedCustomer");
    public static final Node SEGMENTATION_ID = core("segmentationId");
    public static final Node SEGMENT_NUMBER = core("segmentNumber");
    public static final Node CREATED_AT = core("createdAt");
    public static final Node ALGORITHM = core("algorithm");
    public static final Node K = core("k");
    public static final Node SEED = core("seed");
    public static final Node CUSTOMER_COUNT = core("customerCount");
    public static final Node SIZE = core("size");
    public static final Node SHARE = core("share");
    public static final Node SILHOUETTE = core("silhouette");
    public static final Node DAVIES_BOULDIN = core("daviesBouldin");
    public static final Node STABILITY = core("stability");
    public static final Node UNASSIGNED_COUNT = core("unassignedCount");
    public static final Node AUDIENCE_JSON = core("audienceJson");
    public static final Node DETAIL_JSON = core("detailJson");
    public static final Node PLACEMENT_JSON = core("placementJson");
    public static final Node LABEL = org.apache.jena.vocabulary.RDFS.label.asNode();

    private Vocab() {
    }

    public static Node core(String localName) {
        return NodeFactory.createURI(CORE + localName);
    }

    /** The property of a mapped customer attribute such as {@code loyaltyTier}. */
    public static Node attribute(String name) {
        return NodeFactory.createURI(ATTRIBUTE + name);
    }

}

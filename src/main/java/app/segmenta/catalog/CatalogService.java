package app.segmenta.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Questions the knowledge graph answers: concepts for free text, who falls under them, counts, profiles. */
@ApplicationScoped
public class CatalogService {

    private final GraphStore store;
    private final ConceptIndex concepts;
    private volatile CachedTree tree;

    public CatalogService(GraphStore store, ConceptIndex concepts) {
        this.store = store;
        this.concepts = concepts;
    }

    /** Category concepts named in free text: "baby products" → Baby. */
    public List<ConceptRef> resolveCategories(String text) {
        return concepts.findIn(Concept.Scheme.CATEGORIES, text).stream().map(m -> ConceptRef.of(m.concept())).toList();
    }

    /** Aspect concepts named in free text: "complains about delivery" → Shipping & delivery. */
    public List<ConceptRef> resolveAspects(String text) {
        return concepts.findIn(Concept.Scheme.ASPECTS, text).stream().map(m -> ConceptRef.of(m.concept())).toList();
    }

    /**
     * Ids of the customers whose attribute {@code name} (a built-in one such as "region", or one a mapping file
     * named) has this value, compared as text, ignoring case.
     */
    public Set<String> customersWith(String name, String value) {
        Node property = CustomerAttribute.byKey(name).map(CustomerAttribute::property).orElse(Vocab.attribute(name));
        Set<String> out = new LinkedHashSet<>();
        store.select(Queries.get("select-customers-with-attribute"), Map.of("property", property,
                "value", NodeFactory.createLiteralString(value.strip())), row -> out.add(text(row, "customerId")));
        return out;
    }

    /** The concept and every descendant, as refs in tree order. */
    public List<ConceptRef> descendants(String iri) {
        return concepts.withDescendants(iri).stream().map(i -> ConceptRef.of(concepts.byIri(i).orElseThrow())).toList();
    }

    /**
     * The category tree, each concept with review and customer counts that include its descendants. Computed
     * from one scan of the reviews' direct categories, rolled up the taxonomy here, and kept until the next write.
     */
    public List<ConceptCount> categoryTree() {
        CachedTree cached = tree;
        long generation = store.generation();
        if (cached != null && cached.generation == generation) {
            return cached.tree;
        }
        Map<String, Set<Node>> reviews = new HashMap<>();
        Map<String, Set<Node>> customers = new HashMap<>();
        store.select(Queries.get("select-review-categories"), Map.of(), row -> {
            Node review = row.get("review");
            Node customer = row.get("customer");
            for (String iri : concepts.withAncestors(row.get("concept").getURI())) {
                reviews.computeIfAbsent(iri, k -> new HashSet<>()).add(review);
                customers.computeIfAbsent(iri, k -> new HashSet<>()).add(customer);
            }
            return null;
        });
        List<ConceptCount> result = concepts.concepts(Concept.Scheme.CATEGORIES).stream()
                .map(c -> new ConceptCount(c.iri(), c.label(), c.broader(),
                        reviews.getOrDefault(c.iri(), Set.of()).size(), customers.getOrDefault(c.iri(), Set.of()).size()))
                .toList();
        tree = new CachedTree(generation, result);
        return result;
    }

    private record CachedTree(long generation, List<ConceptCount> tree) {
    }

    /** Reviews, customers and products under any of these concepts (IRIs), descendants included. */
    public ConceptMembers membersOf(Collection<String> conceptIris) {
        List<ConceptRef> refs = conceptIris.stream()
                .map(iri -> ConceptRef.of(concepts.byIri(iri).orElseThrow(() -> new UnknownConceptException(iri)))).toList();
        Query query = Queries.withValues("select-concept-members", "concept", conceptIris);
        Set<String> reviews = new LinkedHashSet<>();
        Set<String> customers = new LinkedHashSet<>();
        Set<String> products = new LinkedHashSet<>();
        store.select(query, Map.of(), row -> {
            reviews.add(row.get("review").getURI());
            customers.add(row.get("customer").getURI());
            return products.add(row.get("product").getURI());
        });
        return new ConceptMembers(refs, reviews, customers, products);
    }

    /**
     * Reviews under any of these concepts (descendants included), or every review when none are given, with
     * who wrote them and where they came from.
     */
    public List<ReviewRef> reviewsUnder(Collection<String> conceptIris) {
        Query query;
        if (conceptIris.isEmpty()) {
            query = Queries.get("select-all-audience-reviews");
        } else {
            conceptIris.forEach(iri -> concepts.byIri(iri).orElseThrow(() -> new UnknownConceptException(iri)));
            query = Queries.withValues("select-audience-reviews", "concept", conceptIris);
        }
        return reviewRefs(query);
    }

    /** These reviews (IRIs) as listings show them; IRIs that are no review are left out. */
    public List<ReviewRef> reviewRefs(Collection<String> reviewIris) {
        return reviewRefs(Queries.withValues("select-review-refs", "review", reviewIris));
    }

    private List<ReviewRef> reviewRefs(Query query) {
        Map<String, ReviewRef> byReview = new LinkedHashMap<>();
        store.select(query, Map.of(), row -> {
            ReviewRef ref = byReview.computeIfAbsent(row.get("review").getURI(), iri -> new ReviewRef(iri,
                    text(row, "customerId"), text(row, "source"), number(row.get("row")),
                    row.contains("rating") ? new BigDecimal(text(row, "rating")) : null,
                    row.contains("date") ? LocalDate.parse(text(row, "date")) : null, new ArrayList<>()));
            if (row.contains("sub") && !ref.concepts().contains(row.get("sub").getURI())) {
                ref.concepts().add(row.get("sub").getURI());
            }
            return ref;
        });
        return List.copyOf(byReview.values());
    }

    /** Every review's author, rating and date, in one scan. */
    public List<ReviewFacts> reviewFacts() {
        return store.select(Queries.get("select-review-facts"), Map.of(), row -> new ReviewFacts(
                row.get("review").getURI(), row.get("customer").getURI(), text(row, "customerId"),
                row.contains("rating") ? new BigDecimal(text(row, "rating")) : null,
                row.contains("date") ? LocalDate.parse(text(row, "date")) : null));
    }

    /** Review IRI → the category concepts its product is filed under directly, for every review. */
    public Map<String, List<String>> reviewCategories() {
        Map<String, List<String>> out = new HashMap<>();
        store.select(Queries.get("select-review-categories"), Map.of(), row ->
                out.computeIfAbsent(row.get("review").getURI(), k -> new ArrayList<>()).add(row.get("concept").getURI()));
        return out;
    }

    /** Customer id → age and region (keys "age", "region"), for the customers that have either. */
    public Map<String, Map<String, String>> demographics() {
        Map<String, Map<String, String>> out = new HashMap<>();
        store.select(Queries.get("select-customer-demographics"), Map.of(), row -> {
            Map<String, String> attributes = out.computeIfAbsent(text(row, "customerId"), k -> new HashMap<>());
            for (String key : List.of("age", "region")) {
                if (row.contains(key)) {
                    attributes.put(key, text(row, key));
                }
            }
            return null;
        });
        return out;
    }

    /** The stored texts of these reviews (IRI → text), as imported: quotes are cut from these. */
    public Map<String, String> reviewTexts(Collection<String> reviewIris) {
        return store.read(dsg -> {
            GraphStore.prefetch(dsg, reviewIris.stream().map(NodeFactory::createURI).toList());
            Graph data = GraphStore.dataGraph(dsg);
            Map<String, String> out = new LinkedHashMap<>();
            for (String iri : reviewIris) {
                data.find(NodeFactory.createURI(iri), Vocab.TEXT, Node.ANY).nextOptional()
                        .ifPresent(t -> out.put(iri, t.getObject().getLiteralLexicalForm()));
            }
            return out;
        });
    }

    /** Whether any customer has this attribute (one index lookup). */
    public boolean anyCustomerHas(CustomerAttribute attribute) {
        return store.read(dsg -> GraphStore.dataGraph(dsg).contains(Node.ANY, attribute.property(), Node.ANY));
    }

    /** A review by its IRI. */
    public Optional<ReviewDetail> review(String iri) {
        if (iri == null || !iri.startsWith(Vocab.DATA)) {
            return Optional.empty();
        }
        return store.select(Queries.get("select-review"), Map.of("review", NodeFactory.createURI(iri)), row ->
                new ReviewDetail(iri, text(row, "customerId"), text(row, "productName"),
                        row.contains("rating") ? new BigDecimal(text(row, "rating")) : null, text(row, "date"),
                        text(row, "title"), text(row, "text"), text(row, "source"), number(row.get("row")))).stream().findFirst();
    }

    /** A customer by the id the store's data gives them ({@code anon:<file>:<row>} for anonymous reviewers). */
    public Optional<CustomerProfile> customer(String customerId) {
        return store.read(dsg -> {
            List<Binding> found = GraphStore.select(dsg, Queries.get("select-customer"),
                    Map.of("id", NodeFactory.createLiteralString(customerId)), b -> b);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Node customer = found.getFirst().get("customer");
            boolean anonymous = found.getFirst().contains("anonymous")
                    && Boolean.parseBoolean(found.getFirst().get("anonymous").getLiteralLexicalForm());
            Graph data = GraphStore.dataGraph(dsg);
            Map<String, String> attributes = attributes(data, customer);
            Map<String, Node> bound = Map.of("customer", customer);
            List<CustomerProfile.ReviewSummary> reviews = new ArrayList<>();
            Map<String, String[]> productInfo = new LinkedHashMap<>();
            GraphStore.select(dsg, Queries.get("select-customer-reviews"), bound, row -> {
                String product = row.get("product").getURI();
                productInfo.putIfAbsent(product, new String[]{text(row, "productId"), text(row, "productName"), text(row, "brandName")});
                return reviews.add(new CustomerProfile.ReviewSummary(row.get("review").getURI(), product,
                        row.contains("rating") ? new BigDecimal(text(row, "rating")) : null, text(row, "date"),
                        text(row, "title"), text(row, "text"), text(row, "source"), number(row.get("row"))));
            });
            Map<String, List<ConceptRef>> productConcepts = new HashMap<>();
            Map<String, List<String>> productRaw = new HashMap<>();
            Set<ConceptRef> categories = new LinkedHashSet<>();
            GraphStore.select(dsg, Queries.get("select-product-categories"), bound, row -> {
                String product = row.get("product").getURI();
                if (row.contains("concept")) {
                    ConceptRef ref = concepts.byIri(row.get("concept").getURI()).map(ConceptRef::of)
                            .orElse(new ConceptRef(row.get("concept").getURI(), row.get("concept").getURI()));
                    categories.add(ref);
                    return productConcepts.computeIfAbsent(product, k -> new ArrayList<>()).add(ref);
                }
                return productRaw.computeIfAbsent(product, k -> new ArrayList<>()).add(text(row, "raw"));
            });
            List<CustomerProfile.ProductSummary> products = productInfo.entrySet().stream()
                    .map(e -> new CustomerProfile.ProductSummary(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                            productConcepts.getOrDefault(e.getKey(), List.of()), productRaw.getOrDefault(e.getKey(), List.of())))
                    .toList();
            return Optional.of(new CustomerProfile(customerId, anonymous, attributes, products, List.copyOf(categories), reviews));
        });
    }

    /**
     * The attributes of these customers (by the ids the store's data gives them), built-in ones first, then those
     * a mapping file named; a customer with none, or unknown, is left out.
     */
    public Map<String, Map<String, String>> customerAttributes(Collection<String> customerIds) {
        return store.read(dsg -> {
            Graph data = GraphStore.dataGraph(dsg);
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            for (String id : customerIds) {
                data.find(Node.ANY, Vocab.EXTERNAL_ID, NodeFactory.createLiteralString(id))
                        .filterKeep(t -> data.contains(t.getSubject(), Vocab.TYPE, Vocab.CUSTOMER)).nextOptional()
                        .map(t -> attributes(data, t.getSubject()))
                        .filter(a -> !a.isEmpty())
                        .ifPresent(a -> out.put(id, a));
            }
            return out;
        });
    }

    private static Map<String, String> attributes(Graph data, Node customer) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (CustomerAttribute a : CustomerAttribute.values()) {
            data.find(customer, a.property(), Node.ANY).nextOptional()
                    .ifPresent(t -> attributes.put(a.key(), t.getObject().getLiteralLexicalForm()));
        }
        data.find(customer, Node.ANY, Node.ANY)
                .filterKeep(t -> t.getPredicate().getURI().startsWith(Vocab.ATTRIBUTE))
                .forEachRemaining(t -> attributes.put(t.getPredicate().getURI().substring(Vocab.ATTRIBUTE.length()),
                        t.getObject().getLiteralLexicalForm()));
        return attributes;
    }

    public boolean hasData() {
        return store.hasReviews();
    }

    private static String text(Binding row, String var) {
        Node n = row.get(var);
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    private static long number(Node n) {
        return ((Number) n.getLiteralValue()).longValue();
    }
}

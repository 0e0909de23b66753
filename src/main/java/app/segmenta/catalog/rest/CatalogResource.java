package app.segmenta.catalog.rest;

import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptCount;
import app.segmenta.catalog.ConceptRef;
import app.segmenta.catalog.CustomerProfile;
import app.segmenta.catalog.ReviewDetail;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** The knowledge graph over REST: the category tree, concept lookup, customer profiles, reviews. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final CatalogService catalog;

    public CatalogResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** Same shape as {@code segmenta categories --json}. */
    @GET
    @Path("categories")
    public Map<String, List<ConceptCount>> categories() {
        return Map.of("concepts", catalog.categoryTree());
    }

    /** Category and aspect concepts named in free text, each category with its descendants. */
    @GET
    @Path("concepts/resolve")
    public Resolution resolve(@QueryParam("q") String text) {
        List<ConceptRef> categories = catalog.resolveCategories(text == null ? "" : text);
        return new Resolution(text, categories,
                categories.stream().flatMap(c -> catalog.descendants(c.iri()).stream()).distinct().toList(),
                catalog.resolveAspects(text == null ? "" : text));
    }

    @GET
    @Path("customers/{id}")
    public CustomerProfile customer(@PathParam("id") String id) {
        return catalog.customer(id).orElseThrow(() -> new NotFoundException("No customer " + id));
    }

    /** One stored review by its IRI (the id quotes carry), for a quote's link. */
    @GET
    @Path("reviews")
    public ReviewDetail review(@QueryParam("iri") String iri) {
        return catalog.review(iri).orElseThrow(() -> new NotFoundException("No review " + iri));
    }

    /** How a text was read: the categories it names, them with every sub-category, the aspects it names. */
    public record Resolution(String text, List<ConceptRef> categories, List<ConceptRef> withDescendants,
                             List<ConceptRef> aspects) {
    }
}

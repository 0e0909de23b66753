package app.segmenta.search.rest;

import app.segmenta.search.Audience;
import app.segmenta.search.AudienceQuery;
import app.segmenta.search.AudienceService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.math.BigDecimal;
import java.util.Map;

/** The same audience search as {@code segmenta audience}, with the same JSON. */
@Path("/api/audience")
@Produces(MediaType.APPLICATION_JSON)
public class AudienceResource {

    private final AudienceService audiences;

    public AudienceResource(AudienceService audiences) {
        this.audiences = audiences;
    }

    @GET
    public Audience find(@QueryParam("category") String category, @QueryParam("text") String text,
                         @QueryParam("minRating") BigDecimal minRating, @QueryParam("maxRating") BigDecimal maxRating) {
        return audiences.find(new AudienceQuery(category, text, minRating, maxRating));
    }

    @ServerExceptionMapper
    public Response badQuestion(IllegalArgumentException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage())).build();
    }
}

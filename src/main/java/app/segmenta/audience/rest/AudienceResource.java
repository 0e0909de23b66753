package app.segmenta.audience.rest;

import app.segmenta.audience.Audience;
import app.segmenta.audience.AudienceService;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

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
    public Audience find(@BeanParam AudienceParams params) {
        return audiences.find(params.query());
    }

    @ServerExceptionMapper
    public Response badQuestion(IllegalArgumentException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage())).build();
    }
}

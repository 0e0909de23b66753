package app.segmenta.segmentation.rest;

import app.segmenta.segmentation.Segmentation;
import app.segmenta.segmentation.SegmentationListener;
import app.segmenta.segmentation.SegmentationService;
import app.segmenta.segmentation.SegmentationSummary;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Segmentations over REST, with the JSON of {@code segmenta segment --json} and {@code segmenta segments --json}.
 * POST a body like {@code {"audience":{"category":"baby products"},"k":4,"algorithm":"kmeans","seed":7}}; every
 * field is optional (no audience = the whole store, no k = chosen).
 */
@Path("/api/segmentations")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentationResource {

    private static final Pattern ID = Pattern.compile("[0-9a-f-]{1,64}");

    private final SegmentationService segmentations;
    private final ObjectMapper json;

    public SegmentationResource(SegmentationService segmentations, ObjectMapper json) {
        this.segmentations = segmentations;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> segment(SegmentationService.Request request) {
        SegmentationService.Request r = request == null ? new SegmentationService.Request(null, null, null, null, null) : request;
        if (r.audience() == null) {
            r = new SegmentationService.Request(app.segmenta.audience.AudienceQuery.of(null, null, null, null), r.k(),
                    r.algorithm(), r.seed(), r.weights());
        }
        return outcome(segmentations.segment(r, SegmentationListener.NONE));
    }

    @GET
    public List<SegmentationSummary> list() {
        return segmentations.list();
    }

    @GET
    @Path("{id}")
    public Segmentation open(@PathParam("id") String id) {
        return segmentations.open(checked(id)).orElseThrow(() -> new NotFoundException("No segmentation " + id));
    }

    @POST
    @Path("{id}/resegment")
    public Map<String, Object> resegment(@PathParam("id") String id) {
        return outcome(segmentations.resegment(checked(id), SegmentationListener.NONE));
    }

    private Map<String, Object> outcome(SegmentationService.Outcome o) {
        @SuppressWarnings("unchecked")
        Map<String, Object> out = json.convertValue(o.audience(), java.util.LinkedHashMap.class);
        out.put("segmentation", o.segmentation());
        return out;
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException("No segmentation " + id);
        }
        return id;
    }

    @ServerExceptionMapper
    public Response badRequest(IllegalArgumentException e) {
        Response.Status status = e instanceof SegmentationService.UnknownSegmentationException
                ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST;
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage())).build();
    }
}

package app.segmenta.export.rest;

import app.segmenta.export.Exporter;
import app.segmenta.segmentation.SegmentationService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A segmentation as a download, as {@code segmenta export ID}: {@code ?format=md|json|pdf|csv} (default csv),
 * {@code &ads=google|meta} for an ad-platform list, {@code &segment=N} for one segment's members.
 */
@Path("/api/segmentations/{id}/export")
public class SegmentationExportResource {

    private final SegmentationService segmentations;
    private final Exporter exporter;

    public SegmentationExportResource(SegmentationService segmentations, Exporter exporter) {
        this.segmentations = segmentations;
        this.exporter = exporter;
    }

    @GET
    public Response export(@PathParam("id") String id, @QueryParam("format") String format, @QueryParam("ads") String ads,
                           @QueryParam("segment") Integer segment) {
        Exporter.Request request = new Exporter.Request(format, ads, segment);
        // The id only names a node to look up (never spliced into a query or a path): an unknown one is a 404.
        var s = segmentations.open(id).orElseThrow(() -> new SegmentationService.UnknownSegmentationException(id));
        return Downloads.of(exporter.segmentation(s, request));
    }

    @ServerExceptionMapper
    public Response refused(IllegalArgumentException e) {
        return Downloads.error(e);
    }
}

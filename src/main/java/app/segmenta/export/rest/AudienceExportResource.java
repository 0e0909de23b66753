package app.segmenta.export.rest;

import app.segmenta.audience.AudienceService;
import app.segmenta.audience.rest.AudienceParams;
import app.segmenta.export.Exporter;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An audience's member list as a download, as {@code segmenta export --audience}: the query parameters of
 * {@code GET /api/audience}, with {@code format=csv|json} (default csv) and {@code ads=google|meta}.
 */
@Path("/api/audience/export")
public class AudienceExportResource {

    private final AudienceService audiences;
    private final Exporter exporter;

    public AudienceExportResource(AudienceService audiences, Exporter exporter) {
        this.audiences = audiences;
        this.exporter = exporter;
    }

    @GET
    public Response export(@BeanParam AudienceParams audience, @QueryParam("format") String format,
                           @QueryParam("ads") String ads) {
        Exporter.Request request = new Exporter.Request(format, ads, null);
        return Downloads.of(exporter.audience(audiences.find(audience.query()), request));
    }

    @ServerExceptionMapper
    public Response refused(IllegalArgumentException e) {
        return Downloads.error(e);
    }
}

package app.segmenta.ingest.rest;

import app.segmenta.ingest.InvalidSourceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** A file that cannot be imported is the client's problem: 400 with the reason. */
public class IngestErrors {

    @ServerExceptionMapper
    public Response invalidSource(InvalidSourceException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(UploadTooLargeException e) {
        return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage())).build();
    }
}

package app.segmenta.export.rest;

import app.segmenta.export.Exporter;
import app.segmenta.segmentation.SegmentationService;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** An export as a file download, and the errors of asking for one. */
final class Downloads {

    private Downloads() {
    }

    /** The written file, with its Content-Type, as an attachment under its name (one the code chose). */
    static Response of(Exporter.Written w) {
        return Response.ok(w.file().toFile()).type(Exporter.mediaType(w.format()))
                .header("Content-Disposition", "attachment; filename=\"" + w.file().getFileName() + "\"")
                .header("X-Segmenta-Rows", w.rows())
                .header("X-Segmenta-Left-Out", w.leftOut())
                .build();
    }

    /** 404 for a segmentation that does not exist, 400 for a request that makes no sense, with the reason. */
    static Response error(IllegalArgumentException e) {
        Response.Status status = e instanceof SegmentationService.UnknownSegmentationException
                ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST;
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
    }
}

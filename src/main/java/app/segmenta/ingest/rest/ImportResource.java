package app.segmenta.ingest.rest;

import app.segmenta.config.SegmentaConfig;
import app.segmenta.ingest.ImportJob;
import app.segmenta.ingest.ImportJobs;
import app.segmenta.ingest.JobListener;
import app.segmenta.ingest.ImportOptions;
import app.segmenta.ingest.ImportPreview;
import app.segmenta.ingest.Importer;
import app.segmenta.ingest.InvalidSourceException;
import app.segmenta.ingest.SourceFormat;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.apache.commons.io.file.PathUtils;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Upload a file to import, then poll its job. */
@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportJobs jobs;
    private final Importer importer;
    private final SegmentaConfig config;

    public ImportResource(ImportJobs jobs, Importer importer, SegmentaConfig config) {
        this.jobs = jobs;
        this.importer = importer;
        this.config = config;
    }

    /**
     * Multipart form: {@code file} (required), {@code mapping} (a mapping JSON file), {@code source} (the name
     * recorded on the reviews, default the file name), {@code format} (csv, tsv, jsonl). Answers 202 with the job.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("mapping") FileUpload mapping,
                           @RestForm("source") String source, @RestForm("format") String format, @Context UriInfo uri)
            throws IOException {
        if (file == null) {
            throw new InvalidSourceException("Send the file to import as the multipart field 'file'.");
        }
        SourceFormat declared = format == null || format.isBlank() ? null : SourceFormat.parse(format);
        java.nio.file.Path dir = config.dataDir().resolve("uploads").resolve(UUID.randomUUID().toString());
        java.nio.file.Path stored = dir.resolve(safeName(file.fileName(), "upload.csv"));
        java.nio.file.Path mappingFile = mapping == null ? null : dir.resolve("mapping.json");
        Files.createDirectories(dir);
        Files.move(file.uploadedFile(), stored, StandardCopyOption.REPLACE_EXISTING);
        if (mapping != null) {
            Files.move(mapping.uploadedFile(), mappingFile, StandardCopyOption.REPLACE_EXISTING);
        }
        String name = source == null || source.isBlank() ? safeName(file.fileName(), "upload.csv") : source.strip();
        ImportOptions options = new ImportOptions(name, mappingFile, declared);
        try {
            importer.preview(stored, options);
            long limit = config.ingest().maxUploadRows();
            if (importer.countRecords(stored, options, limit + 1) > limit) {
                throw new UploadTooLargeException("The file has more than " + limit + " records, the most one upload "
                        + "may hold (segmenta.ingest.max-upload-rows). Split it, or import it with ./segmenta import.");
            }
        } catch (InvalidSourceException | UploadTooLargeException e) {
            PathUtils.deleteDirectory(dir);
            throw e;
        }
        ImportJobs.Submitted job = jobs.submit(stored, options, JobListener.NONE);
        return Response.accepted(jobs.job(job.id()).orElseThrow())
                .location(uri.getAbsolutePathBuilder().path(job.id()).build()).build();
    }

    /**
     * How a file would be read, without importing it: the same multipart fields as an upload. Answers the columns,
     * the field each feeds, the columns left out and the first records; a file that cannot be read answers 400.
     */
    @POST
    @Path("preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ImportPreview preview(@RestForm("file") FileUpload file, @RestForm("mapping") FileUpload mapping,
                                 @RestForm("format") String format) throws IOException {
        if (file == null) {
            throw new InvalidSourceException("Send the file to preview as the multipart field 'file'.");
        }
        SourceFormat declared = format == null || format.isBlank() ? null : SourceFormat.parse(format);
        java.nio.file.Path dir = Files.createTempDirectory("segmenta-preview");
        try {
            java.nio.file.Path stored = dir.resolve(safeName(file.fileName(), "upload.csv"));
            Files.move(file.uploadedFile(), stored, StandardCopyOption.REPLACE_EXISTING);
            java.nio.file.Path mappingFile = null;
            if (mapping != null) {
                mappingFile = dir.resolve("mapping.json");
                Files.move(mapping.uploadedFile(), mappingFile, StandardCopyOption.REPLACE_EXISTING);
            }
            return importer.preview(stored, new ImportOptions(stored.getFileName().toString(), mappingFile, declared));
        } finally {
            PathUtils.deleteDirectory(dir);
        }
    }

    @GET
    public List<ImportJob> list() {
        return jobs.list();
    }

    /** One job; {@code waitSeconds} (at most 60) holds the answer until the job ends, for scripts. */
    @GET
    @Path("{id}")
    public ImportJob job(@PathParam("id") String id, @QueryParam("waitSeconds") @DefaultValue("0") int waitSeconds) {
        return jobs.await(id, Duration.ofSeconds(Math.clamp(waitSeconds, 0, 60))).or(() -> jobs.list().stream().filter(j -> j.id().equals(id)).findFirst())
                .orElseThrow(() -> new NotFoundException("No import " + id));
    }

    /** Imports again what a stop cut short (an {@code interrupted} job), from its kept upload; answers 202 with the new job. */
    @POST
    @Path("{id}/resume")
    public Response resume(@PathParam("id") String id, @Context UriInfo uri) {
        ImportJobs.Submitted job = jobs.resume(id, config.dataDir().resolve("uploads"))
                .orElseThrow(() -> new NotFoundException("No import " + id));
        return Response.accepted(jobs.job(job.id()).orElseThrow())
                .location(uri.getBaseUriBuilder().path("api/imports").path(job.id()).build()).build();
    }

    /** The client's file name reduced to a plain name: no directories, no odd characters. */
    static String safeName(String clientName, String fallback) {
        if (clientName == null) {
            return fallback;
        }
        String base = clientName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return base.isBlank() || base.matches("\\.+") ? fallback : base;
    }
}

package org.rongtong.registry.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.rongtong.persistence.idempotency.IdempotencyKeys;
import org.rongtong.registry.model.ImportJob;
import org.rongtong.registry.service.ImportFile;
import org.rongtong.registry.service.ImportService;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Roles;

import io.smallrye.common.annotation.Blocking;

/**
 * Bulk registration from CSV or NDJSON, in UTF-8 (with or without BOM), GBK, or the charset the Content-Type names.
 * The body is streamed to disk, never held in memory; files of up to 1,000 rows are answered when done (200), larger
 * ones run as a job the client polls (202 with Location). Every answer lists the enterprises registered so far.
 * Blocking on purpose: reading, checking and registering the rows is disk and JDBC work on worker threads (ADR 0013).
 */
@Path("/api/v1/enterprises/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Enterprises")
public class ImportResource {

    /** Up to this many rows the answer waits for the import to finish. */
    static final int SYNCHRONOUS_ROWS = 1000;

    private final ImportService imports;
    private final JsonWebToken token;

    public ImportResource(ImportService imports, JsonWebToken token) {
        this.imports = imports;
        this.token = token;
    }

    @POST
    @Blocking
    @RolesAllowed({Roles.OPERATOR, Roles.PARTNER})
    @Consumes({"text/csv", "application/x-ndjson", "application/ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "importEnterprises", summary = "Register many enterprises from CSV or NDJSON: up to 1,000 rows answered when done, more as a job to poll")
    @APIResponse(responseCode = "200", description = "Done: the job with every row's outcome",
            content = @Content(schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "202", description = "Running: poll the job at Location",
            content = @Content(schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key is in use by a request still running")
    @APIResponse(responseCode = "422", description = "The file cannot be read as the format, or the Idempotency-Key was used with another body")
    public Response start(InputStream body, @HeaderParam("Content-Type") String contentType,
            @QueryParam("format") String format, @QueryParam("atomic") @DefaultValue("false") boolean atomic,
            @HeaderParam("Idempotency-Key") String idempotencyKey) throws IOException {
        IdempotencyKeys.requireValid(idempotencyKey);
        String chosen = format(format, contentType);
        ImportService.Started started = imports.start(token.getName(), chosen, charset(contentType), body, atomic, idempotencyKey);
        ImportJob job = started.job();
        URI location = URI.create("/api/v1/enterprises/imports/" + job.id);
        if (started.replayed()) {
            return Response.ok(visible(imports.find(job.id, true))).location(location).header("Idempotent-Replayed", "true").build();
        }
        if (job.status != ImportJob.Status.RUNNING) {
            return Response.ok(imports.find(job.id, true)).location(location).build();
        }
        if (job.total <= SYNCHRONOUS_ROWS) {
            return Response.ok(imports.runNow(job.id)).location(location).build();
        }
        imports.submit(job.id);
        job.registered = java.util.List.of();
        return Response.accepted(job).location(location).build();
    }

    /** The job; a partner sees only the jobs it started (404 for others'), an operator every job. */
    @GET
    @Path("{id}")
    @Blocking
    @RolesAllowed({Roles.OPERATOR, Roles.PARTNER})
    @Operation(operationId = "getImport", summary = "An import job; a partner sees only its own")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "404", description = "No such job, or another partner's")
    public ImportJob get(@PathParam("id") UUID id, @QueryParam("registered") @DefaultValue("true") boolean withRegistered) {
        ImportJob job = imports.find(id, withRegistered);
        if (job == null) {
            throw ProblemException.notFound("Import", id);
        }
        return visible(job);
    }

    private ImportJob visible(ImportJob job) {
        boolean operator = token.getGroups() != null && token.getGroups().contains(Roles.OPERATOR);
        if (!operator && (job.owner == null || !job.owner.equals(token.getName()))) {
            throw ProblemException.notFound("Import", job.id);
        }
        return job;
    }

    private static String format(String format, String contentType) {
        if (format != null) {
            if (!format.equals(ImportFile.CSV) && !format.equals(ImportFile.NDJSON)) {
                throw ProblemException.invalid("format", "must be csv or ndjson");
            }
            return format;
        }
        return contentType != null && contentType.contains("ndjson") ? ImportFile.NDJSON : ImportFile.CSV;
    }

    /** The charset parameter of the Content-Type, or null. */
    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8);
            }
        }
        return null;
    }
}

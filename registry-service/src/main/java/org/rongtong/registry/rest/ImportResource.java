package org.rongtong.registry.rest;

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

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.rongtong.persistence.idempotency.IdempotencyKeys;
import org.rongtong.registry.model.ImportJob;
import org.rongtong.registry.service.ImportFile;
import org.rongtong.registry.service.ImportService;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Roles;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Bulk registration from CSV (UTF-8 with or without BOM, or GBK) or NDJSON. Small files are answered when done
 * (200); larger ones run as a job the client polls (202 with Location).
 */
@Path("/api/v1/enterprises/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Enterprises")
public class ImportResource {

    private static final Logger LOG = Logger.getLogger(ImportResource.class);
    /** Up to this many rows the answer waits for the import to finish. */
    static final int SYNCHRONOUS_ROWS = 1000;

    private final ImportService imports;

    public ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.PARTNER})
    @Consumes({"text/csv", "application/x-ndjson", "application/ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public Uni<Response> start(byte[] body, @HeaderParam("Content-Type") String contentType,
            @QueryParam("format") String format, @QueryParam("atomic") @DefaultValue("false") boolean atomic,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IdempotencyKeys.requireValid(idempotencyKey);
        String chosen = format(format, contentType);
        return imports.prepare(chosen, body, atomic, idempotencyKey).chain(prepared -> {
            ImportJob job = prepared.job();
            URI location = URI.create("/api/v1/enterprises/imports/" + job.id);
            if (prepared.replayed() || job.total <= SYNCHRONOUS_ROWS) {
                return imports.run(prepared).map(done -> Response.ok(done).location(location).build());
            }
            // a fresh duplicated context: the import outlives this request and opens its own sessions
            var context = VertxContext.createNewDuplicatedContext(Vertx.currentContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> imports.run(prepared).subscribe().with(
                    done -> LOG.infof("Import %s: %d registered, %d rejected", done.id, done.done, done.rejected),
                    failure -> LOG.error("Import " + job.id + " failed", failure)));
            return Uni.createFrom().item(Response.accepted(job).location(location).build());
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.PARTNER})
    public Uni<ImportJob> get(@PathParam("id") UUID id) {
        return imports.find(id);
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
}

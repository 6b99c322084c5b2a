package org.rongtong.messaging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Roles;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Operators read the service's dead-letter topic and, once the cause is fixed, replay a parked record to the topic it
 * came from. Present in the services that consume events ({@code rongtong.dead-letters.enabled=true}); operators only,
 * since a parked record carries whatever the event carried.
 */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Dead letters", description = "Records this service could not process, parked with the reason; operators replay them")
@IfBuildProperty(name = "rongtong.dead-letters.enabled", stringValue = "true")
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "The newest parked records of this service's dead-letter topic (operators)")
    public Uni<DeadLetters.Page> list(@QueryParam("limit") @DefaultValue("50") String limit) {
        int n = bounded("limit", limit, 1, 500);
        return blocking(() -> deadLetters.list(n));
    }

    @GET
    @Path("/{partition}/{offset}")
    @Operation(operationId = "getDeadLetter", summary = "One parked record, with the topic it came from and why it was parked (operators)")
    public Uni<DeadLetters.DeadLetter> one(@PathParam("partition") String partition, @PathParam("offset") String offset) {
        int p = bounded("partition", partition, 0, Integer.MAX_VALUE);
        long o = offset(offset);
        return blocking(() -> deadLetters.find(p, o).orElseThrow(() -> notFound(p, o)));
    }

    /** Sends the parked record back to its topic; answers where it went. Replaying twice is harmless (idempotent consumers). */
    @POST
    @Path("/{partition}/{offset}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Send a parked record back to its topic once its cause is fixed (operators)")
    @APIResponse(responseCode = "200", description = "Sent back; where it went",
            content = @Content(schema = @Schema(implementation = DeadLetters.Replayed.class)))
    @APIResponse(responseCode = "422", description = "The record cannot be replayed (it names no topic to return to)")
    public Uni<DeadLetters.Replayed> replay(@PathParam("partition") String partition, @PathParam("offset") String offset) {
        int p = bounded("partition", partition, 0, Integer.MAX_VALUE);
        long o = offset(offset);
        return blocking(() -> {
            try {
                return deadLetters.replay(p, o).orElseThrow(() -> notFound(p, o));
            } catch (IllegalStateException e) {
                throw ProblemException.unprocessable("Not replayable", e.getMessage());
            }
        });
    }

    private ProblemException notFound(int partition, long offset) {
        return ProblemException.notFound("Dead letter", deadLetters.topic() + "-" + partition + "@" + offset);
    }

    private static <T> Uni<T> blocking(java.util.concurrent.Callable<T> work) {
        // the Kafka clients block: off the event loop
        return Uni.createFrom().item(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static long offset(String value) {
        try {
            long o = Long.parseLong(value);
            if (o >= 0) {
                return o;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("offset", "must be a whole number, 0 or more");
    }

    private static int bounded(String name, String value, int min, int max) {
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return (int) n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
    }
}

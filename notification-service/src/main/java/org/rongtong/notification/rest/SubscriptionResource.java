package org.rongtong.notification.rest;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.notification.service.SubscriptionService;
import org.rongtong.notification.service.TargetPolicy;
import org.rongtong.persistence.idempotency.IdempotencyKeys;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.rest.Page;
import org.rongtong.web.rest.Paging;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "Webhook subscriptions, their signing secrets and their delivery log")
@RolesAllowed({Roles.ENTERPRISE, Roles.BUREAU, Roles.PARTNER, Roles.OPERATOR})
public class SubscriptionResource {

    private final SubscriptionService subscriptions;
    private final TargetPolicy targets;
    private final Caller caller;
    private final Vertx vertx;

    public SubscriptionResource(SubscriptionService subscriptions, TargetPolicy targets, Caller caller, Vertx vertx) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.caller = caller;
        this.vertx = vertx;
    }

    /** Creates a subscription; the answer carries the signing secret, the only time it is shown. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSubscription", summary = "Subscribe a webhook; the answer carries the signing secret, the only time it is shown")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key names a subscription deleted since, or is in use by a request still running")
    @APIResponse(responseCode = "429", description = "The owner holds as many subscriptions as its quota allows")
    public Uni<Response> create(@Valid @NotNull SubscriptionRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IdempotencyKeys.requireValid(idempotencyKey);
        // resolving the host blocks: off the event loop, then back on it for the transaction
        return vertx.executeBlocking(Uni.createFrom().item(() -> targets.refusal(request.url().trim())))
                .chain(refusal -> {
                    if (refusal.isPresent()) {
                        throw ProblemException.invalid("url", refusal.get());
                    }
                    return subscriptions.create(caller, request, idempotencyKey);
                })
                .map(c -> Response.created(URI.create("/api/v1/subscriptions/" + c.view().id()))
                        .header(IdempotencyKeys.REPLAYED_HEADER, c.replayed() ? "true" : null).entity(c.view()).build());
    }

    @GET
    @Operation(operationId = "listSubscriptions", summary = "The caller's subscriptions")
    public Uni<Page<SubscriptionView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return subscriptions.list(caller, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSubscription", summary = "One subscription (its secret is never shown again)")
    public Uni<SubscriptionView> get(@PathParam("id") UUID id) {
        return subscriptions.get(caller, id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSubscription", summary = "Delete a subscription; nothing more is delivered to it")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return subscriptions.delete(caller, id).map(v -> Response.noContent().build());
    }

    /** A new secret; the previous one keeps signing for {@code graceSeconds} (default 24 h), so receivers switch without a gap. */
    @POST
    @Path("/{id}/rotate-secret")
    @Operation(operationId = "rotateSubscriptionSecret", summary = "A new signing secret; the previous one keeps signing for graceSeconds (default 24 h)")
    public Uni<SecretRotation> rotate(@PathParam("id") UUID id,
            @QueryParam("graceSeconds") @Min(0) @Max(604800) Long graceSeconds) {
        return subscriptions.rotate(caller, id, graceSeconds == null ? null : Duration.ofSeconds(graceSeconds));
    }

    @POST
    @Path("/{id}/resume")
    @Operation(operationId = "resumeSubscription", summary = "Resume a subscription paused after repeated failures")
    public Uni<SubscriptionView> resume(@PathParam("id") UUID id) {
        return subscriptions.resume(caller, id);
    }

    /** The delivery log, newest first, each delivery with its attempts (status code, error, latency). */
    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listDeliveries", summary = "The delivery log, newest first, each delivery with its attempts")
    public Uni<Page<DeliveryView>> deliveries(@PathParam("id") UUID id,
            @QueryParam("status") @Pattern(regexp = "PENDING|DELIVERED|FAILED") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return subscriptions.deliveries(caller, id, status, page, size);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliver", summary = "Deliver a delivered or failed event again")
    @APIResponse(responseCode = "200", description = "The delivery, pending again",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", description = "The delivery is still pending")
    public Uni<DeliveryView> redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return subscriptions.redeliver(caller, id, deliveryId);
    }
}

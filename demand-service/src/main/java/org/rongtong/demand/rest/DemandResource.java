package org.rongtong.demand.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.demand.model.Demand;
import org.rongtong.demand.service.DemandFilter;
import org.rongtong.demand.service.DemandMapper;
import org.rongtong.demand.service.DemandService;
import org.rongtong.demand.service.DemandService.Transition;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandStatus;
import org.rongtong.persistence.idempotency.IdempotencyKeys;
import org.rongtong.web.rest.Page;
import org.rongtong.web.rest.QueryValues;
import org.rongtong.web.rest.Versions;
import org.rongtong.web.rest.Paging;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;
import org.rongtong.web.validation.ChainCode;
import org.rongtong.web.validation.RegionCode;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/demands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Demands", description = "What chain leaders need: drafts, publication, closing and withdrawal")
public class DemandResource {

    private final DemandService demands;
    private final Caller caller;

    public DemandResource(DemandService demands, Caller caller) {
        this.demands = demands;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "createDemand", summary = "Create a demand: published at once, or a private draft with ?draft=true")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = DemandView.class)))
    @APIResponse(responseCode = "422", description = "The publisher is unknown (not yet projected), inactive or not a chain leader, or the Idempotency-Key was used with another body")
    public Uni<Response> publish(@Valid @NotNull PublishDemandRequest request,
            @Parameter(description = "Keep the demand as a draft (no event) until POST /{id}/publish") @QueryParam("draft") @DefaultValue("false") boolean draft,
            @Parameter(description = "Repeating a request with the same key (same caller, same body) answers the first result") @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IdempotencyKeys.requireValid(idempotencyKey);
        return demands.create(request, draft, caller, idempotencyKey)
                .map(c -> Response.created(URI.create("/api/v1/demands/" + c.value().id)).tag(Versions.etag(c.value().version))
                        .header(IdempotencyKeys.REPLAYED_HEADER, c.replayed() ? "true" : null).entity(view(c.value())).build());
    }

    @POST
    @Path("batch")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "createDemands", summary = "Create up to 100 demands of one publisher, all or nothing; each published demand has its own event")
    @APIResponse(responseCode = "201", description = "Created, in the order sent",
            content = @Content(schema = @Schema(implementation = DemandResource.BatchView.class)))
    @APIResponse(responseCode = "422", description = "The publisher is unknown (not yet projected), inactive or not a chain leader")
    public Uni<Response> publishBatch(@Valid @NotNull PublishBatchRequest request,
            @QueryParam("draft") @DefaultValue("false") boolean draft) {
        return demands.createBatch(request, draft, caller)
                .map(created -> Response.status(Response.Status.CREATED).entity(new BatchView(created.stream().map(this::view).toList())).build());
    }

    /** The demands a batch created, in the order they were sent. */
    public record BatchView(List<DemandView> demands) {
    }

    @GET
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR, Roles.BUREAU})
    @Operation(operationId = "listDemands", summary = "List demands, newest first; drafts only to whoever acts for their publisher")
    public Uni<Page<DemandView>> list(
            @QueryParam("publisher") String publisher,
            @QueryParam("field") String field,
            @QueryParam("chain") String chain,
            @QueryParam("status") String status,
            @Parameter(description = "Division-code prefix: demands constrained to an overlapping region, or published by an enterprise within it")
            @QueryParam("region") String region,
            @QueryParam("deadlineFrom") String deadlineFrom,
            @QueryParam("deadlineTo") String deadlineTo,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        DemandFilter filter = new DemandFilter(QueryValues.uuid("publisher", publisher),
                QueryValues.oneOf("field", field, CooperationField.class),
                QueryValues.matching("chain", chain, ChainCode.PATTERN, ChainCode.MESSAGE),
                QueryValues.oneOf("status", status, DemandStatus.class),
                RegionCode.prefix("region", region),
                QueryValues.instant("deadlineFrom", deadlineFrom), QueryValues.instant("deadlineTo", deadlineTo));
        QueryValues.ordered("deadlineFrom", filter.deadlineFrom(), "deadlineTo", filter.deadlineTo());
        return demands.list(filter, page, size, caller)
                .map(found -> new Page<>(found.items().stream().map(this::view).toList(), found.page(), found.size(), found.total()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR, Roles.BUREAU})
    @Operation(operationId = "getDemand", summary = "One demand; a draft only to whoever acts for its publisher; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The demand",
            content = @Content(schema = @Schema(implementation = DemandView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return demands.find(id, caller).map(this::ok);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "updateDemand", summary = "Replace a draft's or a published demand's content (If-Match required); a published demand's new snapshot is published")
    @APIResponse(responseCode = "200", description = "The demand as changed",
            content = @Content(schema = @Schema(implementation = DemandView.class)))
    @APIResponse(responseCode = "409", description = "The demand is closed or withdrawn")
    @APIResponse(responseCode = "422", description = "The publisher is inactive")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PublishDemandRequest request) {
        long expected = Versions.requireIfMatch(ifMatch);
        return demands.update(id, expected, request, caller).map(this::ok);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "discardDraft", summary = "Discard a draft; a demand once published is closed or withdrawn instead (409)")
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "409", description = "The demand was published: close or withdraw it instead")
    public Uni<Response> discard(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return demands.discardDraft(id, Versions.optionalIfMatch(ifMatch), caller).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "publishDraft", summary = "DRAFT → PUBLISHED")
    @APIResponse(responseCode = "200", description = "The demand, published",
            content = @Content(schema = @Schema(implementation = DemandView.class)))
    @APIResponse(responseCode = "409", description = "The move is not allowed from the current status")
    @APIResponse(responseCode = "422", description = "The publisher is unknown or inactive")
    public Uni<Response> publishDraft(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return move(id, Transition.PUBLISH, ifMatch);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "closeDemand", summary = "PUBLISHED → CLOSED (the publisher found what it needed)")
    @APIResponse(responseCode = "200", description = "The demand, closed",
            content = @Content(schema = @Schema(implementation = DemandView.class)))
    @APIResponse(responseCode = "409", description = "The move is not allowed from the current status")
    public Uni<Response> close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return move(id, Transition.CLOSE, ifMatch);
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR})
    @Operation(operationId = "withdrawDemand", summary = "PUBLISHED → WITHDRAWN (the publisher no longer needs it)")
    @APIResponse(responseCode = "200", description = "The demand, withdrawn",
            content = @Content(schema = @Schema(implementation = DemandView.class)))
    @APIResponse(responseCode = "409", description = "The move is not allowed from the current status")
    public Uni<Response> withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return move(id, Transition.WITHDRAW, ifMatch);
    }

    private Uni<Response> move(UUID id, Transition transition, String ifMatch) {
        return demands.transition(id, transition, Versions.optionalIfMatch(ifMatch), caller).map(this::ok);
    }

    private Response ok(Demand d) {
        return Response.ok(view(d)).tag(Versions.etag(d.version)).build();
    }

    private DemandView view(Demand d) {
        return DemandMapper.toView(d, caller.actsFor(d.publisherId));
    }
}

package org.rongtong.demand.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.demand.model.Proposal;
import org.rongtong.demand.service.DemandMapper;
import org.rongtong.demand.service.ProposalService;
import org.rongtong.events.ProposalStatus;
import org.rongtong.persistence.idempotency.IdempotencyKeys;
import org.rongtong.web.rest.Page;
import org.rongtong.web.rest.QueryValues;
import org.rongtong.web.rest.Versions;
import org.rongtong.web.rest.Paging;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/demands/{demandId}/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Proposals", description = "Proposals (拟合作事项) enterprises submit against a published demand")
@RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR})
public class ProposalResource {

    private final ProposalService proposals;
    private final Caller caller;

    public ProposalResource(ProposalService proposals, Caller caller) {
        this.proposals = proposals;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "submitProposal", summary = "Submit a proposal (拟合作事项) against a published demand; one open proposal per enterprise and demand")
    @APIResponse(responseCode = "201", description = "Submitted; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "409", description = "The enterprise has an open proposal on this demand already, or the Idempotency-Key is in use")
    @APIResponse(responseCode = "422", description = "The demand is not published, or the Idempotency-Key was used with another body")
    public Uni<Response> submit(@PathParam("demandId") UUID demandId, @Valid @NotNull SubmitProposalRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IdempotencyKeys.requireValid(idempotencyKey);
        return proposals.submit(demandId, request, caller, idempotencyKey)
                .map(c -> Response.created(URI.create("/api/v1/demands/" + demandId + "/proposals/" + c.value().id))
                        .tag(Versions.etag(c.value().version)).header(IdempotencyKeys.REPLAYED_HEADER, c.replayed() ? "true" : null)
                        .entity(DemandMapper.toView(c.value())).build());
    }

    @GET
    @Operation(operationId = "listProposals", summary = "The proposals on a demand, oldest first: for whoever acts for the demand's publisher only")
    public Uni<Page<ProposalView>> list(@PathParam("demandId") UUID demandId, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return proposals.listForDemand(demandId, QueryValues.oneOf("status", status, ProposalStatus.class), page, size, caller)
                .map(found -> new Page<>(found.items().stream().map(DemandMapper::toView).toList(), found.page(), found.size(), found.total()));
    }

    @GET
    @Path("{proposalId}")
    @Operation(operationId = "getProposal", summary = "One proposal, for its proposer and the demand's publisher")
    @APIResponse(responseCode = "200", description = "The proposal",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    public Uni<Response> get(@PathParam("demandId") UUID demandId, @PathParam("proposalId") UUID proposalId) {
        return proposals.find(demandId, proposalId, caller).map(this::ok);
    }

    @POST
    @Path("{proposalId}/withdraw")
    @Operation(operationId = "withdrawProposal", summary = "OPEN → WITHDRAWN, by the proposer")
    @APIResponse(responseCode = "200", description = "The proposal, withdrawn",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "409", description = "The proposal is not open")
    public Uni<Response> withdraw(@PathParam("demandId") UUID demandId, @PathParam("proposalId") UUID proposalId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return proposals.withdraw(demandId, proposalId, Versions.optionalIfMatch(ifMatch), caller).map(this::ok);
    }

    private Response ok(Proposal p) {
        return Response.ok(DemandMapper.toView(p)).tag(Versions.etag(p.version)).build();
    }
}

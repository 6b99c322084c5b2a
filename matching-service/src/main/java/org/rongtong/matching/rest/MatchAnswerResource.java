package org.rongtong.matching.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.matching.service.MatchLifecycle;
import org.rongtong.matching.service.MatchMapper;
import org.rongtong.matching.service.MatchMove;
import org.rongtong.web.rest.Versions;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;

import io.smallrye.mutiny.Uni;

/**
 * The answers that move a match: the candidate's {@code interest | decline}, the publisher's
 * {@code shortlist | reject | confirm}. {@code If-Match} is optional here (the lifecycle itself refuses a move the current
 * status does not allow with 409); a stale If-Match, or a move that loses the race to another, answers 412.
 */
@Path("/api/v1/matches/{matchId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Matches")
@RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR})
public class MatchAnswerResource {

    private final MatchLifecycle lifecycle;
    private final Caller caller;

    public MatchAnswerResource(MatchLifecycle lifecycle, Caller caller) {
        this.lifecycle = lifecycle;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getMatch", summary = "A match, for its candidate or the demand's publisher; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The match",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    public Uni<Response> get(@PathParam("matchId") UUID matchId) {
        return lifecycle.find(matchId, caller).map(found -> ok(found.match()));
    }

    @POST
    @Path("/interest")
    @Operation(operationId = "expressInterest", summary = "The candidate is interested (PROPOSED or DECLINED → INTERESTED)")
    @APIResponse(responseCode = "200", description = "The match, moved",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    @APIResponse(responseCode = "409", description = "The move is not allowed from the match's current status, or not by this side")
    public Uni<Response> interest(@PathParam("matchId") UUID matchId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid AnswerRequest body) {
        return move(matchId, MatchMove.INTEREST, ifMatch, body);
    }

    @POST
    @Path("/decline")
    @Operation(operationId = "declineMatch", summary = "The candidate declines (PROPOSED, INTERESTED or SHORTLISTED → DECLINED)")
    @APIResponse(responseCode = "200", description = "The match, moved",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    @APIResponse(responseCode = "409", description = "The move is not allowed from the match's current status, or not by this side")
    public Uni<Response> decline(@PathParam("matchId") UUID matchId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid AnswerRequest body) {
        return move(matchId, MatchMove.DECLINE, ifMatch, body);
    }

    @POST
    @Path("/shortlist")
    @Operation(operationId = "shortlistMatch", summary = "The publisher shortlists an interested candidate (INTERESTED → SHORTLISTED); it joins a reserve pool")
    @APIResponse(responseCode = "200", description = "The match, moved",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    @APIResponse(responseCode = "409", description = "The move is not allowed from the match's current status, or not by this side")
    public Uni<Response> shortlist(@PathParam("matchId") UUID matchId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid AnswerRequest body) {
        return move(matchId, MatchMove.SHORTLIST, ifMatch, body);
    }

    @POST
    @Path("/reject")
    @Operation(operationId = "rejectMatch", summary = "The publisher rejects the candidate (INTERESTED or SHORTLISTED → REJECTED)")
    @APIResponse(responseCode = "200", description = "The match, moved",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    @APIResponse(responseCode = "409", description = "The move is not allowed from the match's current status, or not by this side")
    public Uni<Response> reject(@PathParam("matchId") UUID matchId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid AnswerRequest body) {
        return move(matchId, MatchMove.REJECT, ifMatch, body);
    }

    @POST
    @Path("/confirm")
    @Operation(operationId = "confirmMatch", summary = "The publisher confirms cooperation reached (SHORTLISTED → COOPERATING)")
    @APIResponse(responseCode = "200", description = "The match, moved",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    @APIResponse(responseCode = "409", description = "The move is not allowed from the match's current status, or not by this side")
    public Uni<Response> confirm(@PathParam("matchId") UUID matchId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid AnswerRequest body) {
        return move(matchId, MatchMove.CONFIRM, ifMatch, body);
    }

    private Uni<Response> move(UUID matchId, MatchMove move, String ifMatch, AnswerRequest body) {
        Long expected = Versions.optionalIfMatch(ifMatch);
        String note = body == null || body.note() == null || body.note().isBlank() ? null : body.note().strip();
        return lifecycle.move(matchId, move, note, expected, caller).map(moved -> ok(moved.match()));
    }

    private static Response ok(org.rongtong.matching.model.Match match) {
        return Response.ok(MatchMapper.toView(match)).tag(Versions.etag(match.version)).build();
    }
}

package org.rongtong.demand.rest;

import java.net.URI;
import java.time.LocalDate;
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
import org.rongtong.demand.model.MatchmakingSession;
import org.rongtong.demand.service.DemandMapper;
import org.rongtong.demand.service.SessionService;
import org.rongtong.demand.service.SessionService.Transition;
import org.rongtong.events.SessionStatus;
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

@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Matchmaking sessions", description = "Matchmaking sessions (对接活动) that bureaus schedule and hold")
public class SessionResource {

    private final SessionService sessions;
    private final Caller caller;

    public SessionResource(SessionService sessions, Caller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.BUREAU, Roles.OPERATOR})
    @Operation(operationId = "scheduleSession", summary = "Schedule a matchmaking session (对接活动): a bureau within its region, an operator anywhere")
    @APIResponse(responseCode = "201", description = "Scheduled; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "422", description = "A participant is not a chain leader, or a demand is not published (each named in errors); or the Idempotency-Key was used with another body")
    public Uni<Response> schedule(@Valid @NotNull ScheduleSessionRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IdempotencyKeys.requireValid(idempotencyKey);
        return sessions.schedule(request, caller, idempotencyKey)
                .map(c -> Response.created(URI.create("/api/v1/sessions/" + c.value().id)).tag(Versions.etag(c.value().version))
                        .header(IdempotencyKeys.REPLAYED_HEADER, c.replayed() ? "true" : null).entity(DemandMapper.toView(c.value())).build());
    }

    @GET
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR, Roles.BUREAU})
    @Operation(operationId = "listSessions", summary = "List sessions, soonest first (sessions are public programme events)")
    public Uni<Page<SessionView>> list(
            @Parameter(description = "Division-code prefix; matches sessions whose region overlaps it") @QueryParam("region") String region,
            @QueryParam("chain") String chain,
            @QueryParam("status") String status,
            @QueryParam("participant") String participant,
            @QueryParam("dateFrom") String dateFrom,
            @QueryParam("dateTo") String dateTo,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        LocalDate from = QueryValues.date("dateFrom", dateFrom);
        LocalDate to = QueryValues.date("dateTo", dateTo);
        QueryValues.ordered("dateFrom", from, "dateTo", to);
        return sessions.list(RegionCode.prefix("region", region),
                        QueryValues.matching("chain", chain, ChainCode.PATTERN, ChainCode.MESSAGE),
                        QueryValues.oneOf("status", status, SessionStatus.class), QueryValues.uuid("participant", participant),
                        from, to, page, size)
                .map(found -> new Page<>(found.items().stream().map(DemandMapper::toView).toList(), found.page(), found.size(), found.total()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR, Roles.BUREAU})
    @Operation(operationId = "getSession", summary = "One matchmaking session; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return sessions.find(id).map(this::ok);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.BUREAU, Roles.OPERATOR})
    @Operation(operationId = "updateSession", summary = "Reschedule or edit a session until it is held: If-Match required (428 without, 412 when stale), 409 once held or cancelled")
    @APIResponse(responseCode = "200", description = "The session as changed",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "The session was held or cancelled")
    @APIResponse(responseCode = "422", description = "A participant is not a chain leader, or a demand is not published (each named in errors)")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ScheduleSessionRequest request) {
        long expected = Versions.requireIfMatch(ifMatch);
        return sessions.update(id, expected, request, caller).map(this::ok);
    }

    @POST
    @Path("{id}/hold")
    @RolesAllowed({Roles.BUREAU, Roles.OPERATOR})
    @Operation(operationId = "holdSession", summary = "SCHEDULED → HELD, on or after the session's date")
    @APIResponse(responseCode = "200", description = "The session, held",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "The move is not allowed from the current status")
    public Uni<Response> hold(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return sessions.transition(id, Transition.HOLD, Versions.optionalIfMatch(ifMatch), caller).map(this::ok);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.BUREAU, Roles.OPERATOR})
    @Operation(operationId = "cancelSession", summary = "SCHEDULED → CANCELLED")
    @APIResponse(responseCode = "200", description = "The session, cancelled",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "The move is not allowed from the current status")
    public Uni<Response> cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return sessions.transition(id, Transition.CANCEL, Versions.optionalIfMatch(ifMatch), caller).map(this::ok);
    }

    private Response ok(MatchmakingSession s) {
        return Response.ok(DemandMapper.toView(s)).tag(Versions.etag(s.version)).build();
    }
}

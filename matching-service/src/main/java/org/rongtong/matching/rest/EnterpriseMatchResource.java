package org.rongtong.matching.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.events.MatchStatus;
import org.rongtong.matching.service.EnterpriseMatches;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;

import io.smallrye.mutiny.Uni;

/** An enterprise's side of matching: the demands it was matched to, and (as a publisher) its reserve pools. */
@Path("/api/v1/enterprises/{enterpriseId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Matches")
@RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR})
public class EnterpriseMatchResource {

    private final EnterpriseMatches matches;
    private final Caller caller;

    public EnterpriseMatchResource(EnterpriseMatches matches, Caller caller) {
        this.matches = matches;
        this.caller = caller;
    }

    @GET
    @Path("/opportunities")
    @Operation(operationId = "listOpportunities", summary = "The demands this enterprise was matched to, newest first, optionally of one match status (at most 200)")
    public Uni<List<OpportunityView>> opportunities(@PathParam("enterpriseId") UUID enterpriseId, @QueryParam("status") MatchStatus status) {
        caller.requireActsFor(enterpriseId);
        return matches.opportunities(enterpriseId, status);
    }

    @GET
    @Path("/reserve-pools")
    @Operation(operationId = "getReservePools", summary = "The publisher's shortlisted candidates by field: R&D reserve and procurement pool")
    public Uni<ReservePools> reservePools(@PathParam("enterpriseId") UUID enterpriseId) {
        caller.requireActsFor(enterpriseId);
        return matches.reservePools(enterpriseId);
    }
}

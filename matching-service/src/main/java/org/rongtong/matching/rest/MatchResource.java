package org.rongtong.matching.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.matching.service.MatchMapper;
import org.rongtong.matching.service.MatchingService;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/demands/{demandId}/matches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Matches")
public class MatchResource {

    private final MatchingService matching;
    private final Caller caller;

    public MatchResource(MatchingService matching, Caller caller) {
        this.matching = matching;
        this.caller = caller;
    }

    /** The demand's ranked candidates with their reasons: for its publisher, bureaus, partners and operators. */
    @GET
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR, Roles.BUREAU})
    public Uni<List<MatchView>> list(@PathParam("demandId") UUID demandId) {
        return matching.demand(demandId)
                .invoke(demand -> {
                    if (caller.is(Roles.ENTERPRISE) && !caller.is(Roles.BUREAU)) {
                        caller.requireActsFor(demand.publisherId);
                    }
                })
                .chain(demand -> matching.matches(demandId))
                .map(matches -> matches.stream().map(MatchMapper::toView).toList());
    }
}

package org.rongtong.matching.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.matching.service.MatchMapper;
import org.rongtong.matching.service.MatchingService;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;
import org.rongtong.web.security.Viewer;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/demands/{demandId}/matches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Matches", description = "Ranked, explained candidates for demands and the answers that move a match")
public class MatchResource {

    private final MatchingService matching;
    private final Caller caller;

    public MatchResource(MatchingService matching, Caller caller) {
        this.matching = matching;
        this.caller = caller;
    }

    /**
     * The demand's ranked candidates with their reasons, as far as the caller may see them (docs/role-matrix.md): the
     * whole list for whoever acts for the publisher, an operator and a bureau of the publisher's region; of a demand
     * published elsewhere a bureau sees the candidates of its region, a candidate its own entry; nobody else anything.
     */
    @GET
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR, Roles.BUREAU})
    @Operation(operationId = "listMatches", summary = "A demand's ranked candidates with their reasons, as far as the caller may see them")
    public Uni<List<MatchView>> list(@PathParam("demandId") UUID demandId) {
        Viewer viewer = caller.viewer();
        return matching.visibleMatches(demandId, viewer)
                .map(visible -> visible.matches().stream().map(m -> MatchMapper.toView(m, viewer, visible.publisherId())).toList());
    }
}

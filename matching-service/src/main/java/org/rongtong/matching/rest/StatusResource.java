package org.rongtong.matching.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.matching.service.MatchingStatus;
import org.rongtong.web.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/matching/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status", description = "How far matching has processed its topics")
public class StatusResource {

    private final MatchingStatus status;

    public StatusResource(MatchingStatus status) {
        this.status = status;
    }

    /**
     * Any signed-in caller may ask how far matching has processed (a partner after registering or publishing, a bureau,
     * an operator, an enterprise): offsets and times only, nothing about any enterprise or demand, so nothing to scope
     * (docs/adr/0023-replicas-that-agree.md). Anonymous callers may not: it tells about the deployment.
     */
    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.BUREAU, Roles.PARTNER, Roles.ENTERPRISE})
    @Operation(operationId = "getMatchingStatus", summary = "How far matching has processed each topic (watermark and lag per partition) and this replica's index")
    public Uni<StatusView> status() {
        return status.status();
    }
}

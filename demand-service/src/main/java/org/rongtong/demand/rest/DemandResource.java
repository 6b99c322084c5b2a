package org.rongtong.demand.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.demand.service.DemandMapper;
import org.rongtong.demand.service.DemandService;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/demands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Demands")
public class DemandResource {

    private final DemandService demands;
    private final Caller caller;

    public DemandResource(DemandService demands, Caller caller) {
        this.demands = demands;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR})
    public Uni<Response> publish(@Valid @NotNull PublishDemandRequest request) {
        return demands.publish(request, caller)
                .map(d -> Response.created(URI.create("/api/v1/demands/" + d.id))
                        .tag(new EntityTag(Long.toString(d.version))).entity(DemandMapper.toView(d)).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PARTNER, Roles.OPERATOR, Roles.BUREAU})
    public Uni<Response> get(@PathParam("id") UUID id) {
        return demands.find(id)
                .map(d -> Response.ok(DemandMapper.toView(d)).tag(new EntityTag(Long.toString(d.version))).build());
    }
}

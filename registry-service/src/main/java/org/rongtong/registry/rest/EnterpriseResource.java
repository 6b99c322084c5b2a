package org.rongtong.registry.rest;

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
import org.rongtong.registry.service.EnterpriseMapper;
import org.rongtong.registry.service.EnterpriseService;
import org.rongtong.web.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Enterprises")
public class EnterpriseResource {

    private final EnterpriseService enterprises;

    public EnterpriseResource(EnterpriseService enterprises) {
        this.enterprises = enterprises;
    }

    /** Registration comes through a partner portal or an operator; an enterprise token names an enterprise that exists. */
    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.PARTNER})
    public Uni<Response> register(@Valid @NotNull RegisterEnterpriseRequest request) {
        return enterprises.register(request)
                .map(e -> Response.created(URI.create("/api/v1/enterprises/" + e.id))
                        .tag(new EntityTag(Long.toString(e.version)))
                        .entity(EnterpriseMapper.toView(e)).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.PARTNER, Roles.ENTERPRISE, Roles.BUREAU})
    public Uni<Response> get(@PathParam("id") UUID id) {
        return enterprises.find(id)
                .map(e -> Response.ok(EnterpriseMapper.toView(e)).tag(new EntityTag(Long.toString(e.version))).build());
    }
}

package org.rongtong.notification.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.notification.config.DashboardConfig;

/** What the bureau dashboard's page needs before sign-in: where the other services' APIs are. Nothing secret. */
@Path("/api/v1/dashboard/config")
@Tag(name = "Dashboard", description = "What the bureau dashboard's page needs before sign-in")
@PermitAll
public class DashboardResource {

    public record Endpoints(String registry, String demand, String matching, String notification) {
    }

    private final DashboardConfig config;

    public DashboardResource(DashboardConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDashboardConfig", summary = "The base URLs the dashboard calls (empty: the page's own origin)")
    public Endpoints endpoints() {
        return new Endpoints(config.registryUrl().orElse(""), config.demandUrl().orElse(""), config.matchingUrl().orElse(""), "");
    }
}

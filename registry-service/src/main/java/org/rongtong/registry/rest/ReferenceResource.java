package org.rongtong.registry.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.reference.Chains;
import org.rongtong.registry.service.ReferenceData;
import org.rongtong.web.validation.RegionCode;

/** Public reference data: what codes the other APIs accept, with Chinese and English names. */
@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "The codes the other APIs accept, with Chinese and English names; public")
@PermitAll
public class ReferenceResource {

    private final ReferenceData reference;

    public ReferenceResource(ReferenceData reference) {
        this.reference = reference;
    }

    @GET
    @Path("fields")
    @Operation(operationId = "listCooperationFields", summary = "The cooperation fields (合作领域), with Chinese and English names")
    public List<ReferenceData.Entry> fields() {
        return reference.fields();
    }

    @GET
    @Path("tiers")
    @Operation(operationId = "listTiers", summary = "The enterprise tiers, with Chinese and English names")
    public List<ReferenceData.Tier> tiers() {
        return reference.tiers();
    }

    @GET
    @Path("chains")
    @Operation(operationId = "listChains", summary = "The industrial chains, with Chinese and English names")
    public List<Chains.Chain> chains() {
        return reference.chains();
    }

    @GET
    @Path("regions")
    @Operation(operationId = "listRegions", summary = "Administrative divisions, optionally below a prefix or at one level")
    public List<ReferenceData.Region> regions(
            @QueryParam("prefix") @Pattern(regexp = RegionCode.PREFIX, message = RegionCode.PREFIX_MESSAGE) String prefix,
            @QueryParam("level") @Pattern(regexp = "(?i)PROVINCE|PREFECTURE|COUNTY", message = "must be PROVINCE, PREFECTURE or COUNTY") String level) {
        return reference.regions(prefix, level);
    }
}

package org.rongtong.registry.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.reference.Chains;
import org.rongtong.registry.service.ReferenceData;
import org.rongtong.web.validation.RegionCode;

/** Public reference data: what codes the other APIs accept, with Chinese and English names. */
@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
@PermitAll
public class ReferenceResource {

    private final ReferenceData reference;

    public ReferenceResource(ReferenceData reference) {
        this.reference = reference;
    }

    @GET
    @Path("fields")
    public List<ReferenceData.Entry> fields() {
        return reference.fields();
    }

    @GET
    @Path("tiers")
    public List<ReferenceData.Tier> tiers() {
        return reference.tiers();
    }

    @GET
    @Path("chains")
    public List<Chains.Chain> chains() {
        return reference.chains();
    }

    @GET
    @Path("regions")
    public List<ReferenceData.Region> regions(
            @QueryParam("prefix") @Pattern(regexp = RegionCode.PREFIX, message = RegionCode.PREFIX_MESSAGE) String prefix,
            @QueryParam("level") @Pattern(regexp = "(?i)PROVINCE|PREFECTURE|COUNTY", message = "must be PROVINCE, PREFECTURE or COUNTY") String level) {
        return reference.regions(prefix, level);
    }
}

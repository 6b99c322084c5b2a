package org.rongtong.registry.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.persistence.idempotency.IdempotencyKeys;
import org.rongtong.registry.model.Enterprise;
import org.rongtong.registry.service.EnterpriseMapper;
import org.rongtong.registry.service.EnterpriseSearch;
import org.rongtong.registry.service.EnterpriseService;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.rest.Paging;
import org.rongtong.web.rest.Versions;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;
import org.rongtong.web.validation.ChainCode;
import org.rongtong.web.validation.RegionCode;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Enterprises", description = "The directory of enterprises: registration, profiles, activation, bulk imports")
public class EnterpriseResource {

    private final EnterpriseService enterprises;
    private final Caller caller;

    public EnterpriseResource(EnterpriseService enterprises, Caller caller) {
        this.enterprises = enterprises;
        this.caller = caller;
    }

    /** Registration comes through a partner portal or an operator; an enterprise token names an enterprise that exists. */
    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.PARTNER})
    @Operation(operationId = "registerEnterprise", summary = "Register an enterprise (Idempotency-Key honoured)")
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "409", description = "The credit code is registered already, or the Idempotency-Key is in use by a request still running")
    public Uni<Response> register(@Valid @NotNull RegisterEnterpriseRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IdempotencyKeys.requireValid(idempotencyKey);
        return enterprises.register(request, idempotencyKey)
                .map(r -> Response.created(URI.create("/api/v1/enterprises/" + r.enterprise().id))
                        .tag(Versions.etag(r.enterprise().version))
                        .header("Idempotent-Replayed", r.replayed() ? "true" : null)
                        .entity(view(r.enterprise())).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.PARTNER, Roles.ENTERPRISE, Roles.BUREAU})
    @Operation(operationId = "getEnterprise", summary = "One enterprise; contacts only for whoever acts for it; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The enterprise",
            content = @Content(schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "404", description = "No such enterprise, or one outside a bureau's region")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return enterprises.find(id).map(e -> {
            // a bureau reads only the enterprises of its region; elsewhere it is as if they did not exist
            if (caller.isBureau() && !caller.viewer().coversRegion(e.regionCode)) {
                throw ProblemException.notFound("Enterprise", id);
            }
            return Response.ok(view(e)).tag(Versions.etag(e.version)).build();
        });
    }

    /** Replaces the profile; If-Match must carry the ETag that was read (428 without, 412 when stale). */
    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.PARTNER, Roles.ENTERPRISE})
    @Operation(operationId = "updateEnterprise", summary = "Replace an enterprise's profile (If-Match required)")
    @APIResponse(responseCode = "200", description = "The new profile",
            content = @Content(schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "404", description = "No such enterprise, or one outside a bureau's region")
    @APIResponse(responseCode = "409", description = "The new credit code belongs to another enterprise")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RegisterEnterpriseRequest request) {
        caller.requireActsFor(id);
        long expected = Versions.requireIfMatch(ifMatch);
        return enterprises.update(id, expected, request, caller.namesEnterpriseInRequest()).map(this::ok);
    }

    @POST
    @Path("{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.OPERATOR, Roles.PARTNER, Roles.ENTERPRISE})
    @Operation(operationId = "deactivateEnterprise", summary = "Deactivate an enterprise (If-Match required)")
    @APIResponse(responseCode = "200", description = "The enterprise, inactive",
            content = @Content(schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "404", description = "No such enterprise, or one outside a bureau's region")
    @APIResponse(responseCode = "409", description = "Already inactive")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Uni<Response> deactivate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        caller.requireActsFor(id);
        long expected = Versions.requireIfMatch(ifMatch);
        return enterprises.deactivate(id, expected).map(this::ok);
    }

    @POST
    @Path("{id}/reactivate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.OPERATOR, Roles.PARTNER})
    @Operation(operationId = "reactivateEnterprise", summary = "Reactivate an enterprise (If-Match required)")
    @APIResponse(responseCode = "200", description = "The enterprise, active",
            content = @Content(schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "404", description = "No such enterprise, or one outside a bureau's region")
    @APIResponse(responseCode = "409", description = "Already active, or its credit code was registered again meanwhile")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Uni<Response> reactivate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        caller.requireActsFor(id);
        long expected = Versions.requireIfMatch(ifMatch);
        return enterprises.reactivate(id, expected).map(this::ok);
    }

    /** The directory, filtered, in a stable order, a bounded page at a time. */
    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.PARTNER, Roles.ENTERPRISE, Roles.BUREAU})
    @Operation(operationId = "searchEnterprises", summary = "The directory, filtered, in a stable order, a page at a time (pageToken from the previous page)")
    public Uni<EnterprisePage> search(@QueryParam("kind") EnterpriseKind kind,
            @QueryParam("tier") @Pattern(regexp = "[A-Z][A-Z_]*", message = "must be a tier code") String tier,
            @QueryParam("chain") @Pattern(regexp = ChainCode.PATTERN, message = ChainCode.MESSAGE) String chain,
            @QueryParam("field") CooperationField willingFor,
            @QueryParam("region") @Pattern(regexp = RegionCode.PREFIX, message = RegionCode.PREFIX_MESSAGE) String region,
            @QueryParam("q") @jakarta.validation.constraints.Size(min = 1, max = 50) String text,
            @QueryParam("active") Boolean active,
            @QueryParam("pageToken") String pageToken,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        EnterpriseSearch search = new EnterpriseSearch(kind, tier, chain, willingFor, searchableRegion(region), text, active,
                decode(pageToken), size + 1);
        return enterprises.search(search).map(found -> {
            boolean more = found.size() > size;
            var page = more ? found.subList(0, size) : found;
            String next = more ? encode(page.get(page.size() - 1).id) : null;
            return new EnterprisePage(page.stream().map(this::view).toList(), next);
        });
    }

    /** A bureau searches within its region: no filter means its region, a filter outside it is refused. */
    private String searchableRegion(String requested) {
        if (!caller.isBureau()) {
            return requested;
        }
        String own = caller.regionPrefix().orElseThrow(() -> ProblemException.forbidden("The bureau token names no region"));
        if (requested == null || requested.startsWith(own)) {
            return requested == null ? own : requested;
        }
        if (own.startsWith(requested)) {
            return own;
        }
        throw ProblemException.forbidden("Region " + requested + " lies outside the bureau's region " + own);
    }

    private Response ok(Enterprise e) {
        return Response.ok(view(e)).tag(Versions.etag(e.version)).build();
    }

    /** Contacts are personal data: the enterprise itself, operators and partners see them; bureaus and others do not. */
    private EnterpriseView view(Enterprise e) {
        return EnterpriseMapper.toView(e, caller.actsFor(e.id));
    }

    private static String encode(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static UUID decode(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("pageToken", "is not a token this API returned");
        }
    }
}

package org.rongtong.matching.rest;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.matching.service.KpiBreakdownService;
import org.rongtong.matching.service.KpiService;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programme KPIs", description = "Programme indicators, their breakdowns and exports, for bureaus and operators")
public class KpiResource {

    private final KpiService kpis;
    private final KpiBreakdownService breakdowns;
    private final Caller caller;

    public KpiResource(KpiService kpis, KpiBreakdownService breakdowns, Caller caller) {
        this.kpis = kpis;
        this.breakdowns = breakdowns;
        this.caller = caller;
    }

    /**
     * A bureau reads its own region and the prefectures inside it, operators any region; partners act for
     * enterprises, not for the programme, and read none (docs/role-matrix.md).
     */
    @GET
    @RolesAllowed({Roles.BUREAU, Roles.OPERATOR})
    @Operation(operationId = "getKpis", summary = "Programme KPIs of a province or prefecture, each with its target and how it was computed")
    public Uni<KpiReport> kpis(@QueryParam("region") String region, @QueryParam("year") Integer year) {
        String normalised = coveredRegion(caller, region);
        return kpis.report(normalised, year(year));
    }

    /** The dashboard's tables: the same region rule as the KPIs. */
    @GET
    @Path("breakdown")
    @RolesAllowed({Roles.BUREAU, Roles.OPERATOR})
    @Operation(operationId = "getKpiBreakdown", summary = "The programme per industrial chain and per prefecture of a province or prefecture")
    public Uni<KpiBreakdown> breakdown(@QueryParam("region") String region, @QueryParam("year") Integer year) {
        String normalised = coveredRegion(caller, region);
        return breakdowns.breakdown(normalised, year(year));
    }

    /** A valid region (400 otherwise) that the caller covers (403 otherwise): KPIs, breakdowns and exports alike. */
    static String coveredRegion(Caller caller, String region) {
        String normalised = KpiService.normalise(region);
        if (!caller.viewer().coversRegion(normalised)) {
            throw ProblemException.forbidden("A bureau of region " + caller.regionPrefix().orElse("?") + " reads KPIs within it only");
        }
        return normalised;
    }

    /** The calendar year sessions count in: this year unless asked, 2000 to next year. */
    static int year(Integer year) {
        int thisYear = ZonedDateTime.now(ZoneOffset.UTC).getYear();
        if (year != null && (year < 2000 || year > thisYear + 1)) {
            throw ProblemException.invalid("year", "must be between 2000 and " + (thisYear + 1));
        }
        return year != null ? year : thisYear;
    }
}

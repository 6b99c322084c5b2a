package org.rongtong.matching.rest;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rongtong.matching.service.ExportService;
import org.rongtong.matching.service.export.CsvWriter;
import org.rongtong.matching.service.export.Table;
import org.rongtong.matching.service.export.XlsxWriter;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;

import io.smallrye.mutiny.Uni;

/**
 * Exports a bureau can file (docs/adr/0027-bureau-dashboard-and-exports.md): the KPI report and the region's matches,
 * as XLSX or as CSV in UTF-8 with a byte-order mark. The same region rule as the KPIs: a bureau its own region and the
 * prefectures in it, operators any; enterprises and partners none.
 */
@Path("/api/v1/exports")
@Tag(name = "Programme KPIs")
public class ExportResource {

    private final ExportService exports;
    private final Caller caller;

    public ExportResource(ExportService exports, Caller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @GET
    @Path("kpis")
    @Produces({XlsxWriter.MEDIA_TYPE, "text/csv"})
    @RolesAllowed({Roles.BUREAU, Roles.OPERATOR})
    @Operation(operationId = "exportKpis", summary = "The KPI report of a region (indicators, per chain, per prefecture) as XLSX or CSV")
    @APIResponse(responseCode = "200", description = "The file, as an attachment (Content-Disposition names it)", content = {
            @Content(mediaType = XlsxWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, description = "UTF-8 with a byte-order mark")) })
    public Uni<Response> kpis(@QueryParam("region") String region, @QueryParam("year") Integer year, @QueryParam("format") String format) {
        String normalised = KpiResource.coveredRegion(caller, region);
        int y = KpiResource.year(year);
        String f = format(format);
        return exports.kpiReport(normalised, y).map(tables -> file(tables, f, "kpis-" + normalised + "-" + y));
    }

    @GET
    @Path("matches")
    @Produces({XlsxWriter.MEDIA_TYPE, "text/csv"})
    @RolesAllowed({Roles.BUREAU, Roles.OPERATOR})
    @Operation(operationId = "exportMatches", summary = "The region's matches with their status (candidate or publisher in the region) as XLSX or CSV")
    @APIResponse(responseCode = "200", description = "The file, as an attachment (Content-Disposition names it)", content = {
            @Content(mediaType = XlsxWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, description = "UTF-8 with a byte-order mark")) })
    public Uni<Response> matches(@QueryParam("region") String region, @QueryParam("format") String format) {
        String normalised = KpiResource.coveredRegion(caller, region);
        String f = format(format);
        return exports.matches(normalised).map(table -> file(List.of(table), f, "matches-" + normalised));
    }

    private static String format(String format) {
        String f = format == null ? "xlsx" : format.toLowerCase(Locale.ROOT);
        if (!f.equals("xlsx") && !f.equals("csv")) {
            throw ProblemException.invalid("format", "must be xlsx or csv");
        }
        return f;
    }

    private static Response file(List<Table> tables, String format, String name) {
        boolean xlsx = format.equals("xlsx");
        byte[] body = xlsx ? XlsxWriter.write(tables) : CsvWriter.write(tables);
        return Response.ok(body, xlsx ? XlsxWriter.MEDIA_TYPE : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"rongtong-" + name + "." + format + "\"").build();
    }
}

package org.rongtong.local.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes profiles in the registry's bulk-import formats (registry-service's ImportFile): CSV with a header, or NDJSON. */
public final class ImportFiles {

    public static final String CSV_HEADER = "name,creditCode,kind,tier,regionCode,chains,capabilities,description,willingness,employees,yearFounded";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportFiles() {
    }

    /** CSV: lists separated by ';', willingness as FIELD:LEVEL;FIELD:LEVEL. Returns the number of rows. */
    public static long csv(Stream<ProgrammeGenerator.Profile> profiles, Writer out) {
        try {
            out.write(CSV_HEADER);
            out.write('\n');
            long rows = 0;
            StringBuilder line = new StringBuilder();
            for (Iterator<ProgrammeGenerator.Profile> it = profiles.iterator(); it.hasNext(); rows++) {
                ProgrammeGenerator.Profile p = it.next();
                line.setLength(0);
                StringBuilder willingness = new StringBuilder();
                p.willingness().forEach((field, level) -> willingness.append(willingness.isEmpty() ? "" : ";").append(field).append(':').append(level));
                cell(line, p.name()).append(',').append(p.creditCode()).append(',').append(p.kind()).append(',')
                        .append(p.tier() == null ? "" : p.tier()).append(',').append(p.regionCode()).append(',');
                cell(line, String.join(";", p.chains())).append(',');
                cell(line, String.join(";", p.capabilities())).append(',');
                cell(line, p.description()).append(',');
                cell(line, willingness.toString()).append(',').append(p.employees()).append(',').append(p.yearFounded()).append('\n');
                out.append(line);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NDJSON: one profile object per line, as POST /api/v1/enterprises takes it. Returns the number of lines. */
    public static long ndjson(Stream<ProgrammeGenerator.Profile> profiles, Writer out) {
        try {
            long rows = 0;
            for (Iterator<ProgrammeGenerator.Profile> it = profiles.iterator(); it.hasNext(); rows++) {
                out.write(JSON.writeValueAsString(body(it.next())));
                out.write('\n');
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The profile as the registry's JSON body. */
    public static Map<String, Object> body(ProgrammeGenerator.Profile p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", p.name());
        body.put("creditCode", p.creditCode());
        body.put("kind", p.kind());
        body.put("tier", p.tier());
        body.put("regionCode", p.regionCode());
        body.put("chains", p.chains());
        body.put("capabilities", p.capabilities());
        body.put("description", p.description());
        body.put("willingness", p.willingness());
        body.put("employees", p.employees());
        body.put("yearFounded", p.yearFounded());
        return body;
    }

    private static StringBuilder cell(StringBuilder line, String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
            return line.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        return line.append(value);
    }
}

package org.rongtong.matching.service.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV in UTF-8 with a byte-order mark, so spreadsheet software set to a Chinese locale opens it as UTF-8 rather than
 * GBK. Several tables go one after the other, each under its title, a blank line between them (RFC 4180 quoting).
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    public static byte[] write(List<Table> tables) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            if (tables.size() > 1) {
                if (i > 0) {
                    out.append("\r\n");
                }
                line(out, List.of(t.title()));
            }
            line(out, t.headers());
            t.rows().forEach(r -> line(out, r));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        // a leading = + - @ would be run as a formula by spreadsheet software: quote it with an apostrophe
        if (!(value instanceof Number) && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}

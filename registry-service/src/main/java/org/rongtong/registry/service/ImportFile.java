package org.rongtong.registry.service;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;
import org.rongtong.registry.rest.ContactDto;
import org.rongtong.registry.rest.RegisterEnterpriseRequest;
import org.rongtong.web.problem.Problem.FieldError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a bulk-import file into profiles, one per row, keeping each row's line number and the problems found while
 * reading it. CSV comes in UTF-8 (with or without BOM) or in GBK/GB18030, as spreadsheet software in China saves it;
 * NDJSON is one profile object per line.
 */
public final class ImportFile {

    /** One row: the profile read from it (null when unreadable) and what was wrong while reading it. */
    public record Row(int line, RegisterEnterpriseRequest request, List<FieldError> errors) {
    }

    public static final String CSV = "csv";
    public static final String NDJSON = "ndjson";

    /** The CSV columns; lists are separated by ';', willingness is FIELD:LEVEL;FIELD:LEVEL. */
    public static final List<String> COLUMNS = List.of("name", "englishName", "creditCode", "kind", "tier", "tierLevel", "tierYear",
            "tierValidUntil", "regionCode", "chains", "capabilities", "description", "products", "certifications", "willingness",
            "employees", "revenue", "yearFounded", "contactName", "contactRole", "contactPhone", "contactEmail");

    private ImportFile() {
    }

    /** UTF-8 unless the bytes are not valid UTF-8, then GB18030 (a superset of GBK); a BOM is dropped. */
    public static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    public static List<Row> read(String format, byte[] bytes, ObjectMapper mapper) {
        String text = decode(bytes);
        return NDJSON.equals(format) ? readNdjson(text, mapper) : readCsv(text);
    }

    static List<Row> readCsv(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            List<String> unknown = parser.getHeaderNames().stream().filter(h -> !COLUMNS.contains(h)).toList();
            if (!parser.getHeaderNames().contains("name") || !parser.getHeaderNames().contains("creditCode")) {
                rows.add(new Row(1, null, List.of(new FieldError("header", "must name the columns, at least name and creditCode; known: "
                        + String.join(",", COLUMNS)))));
                return rows;
            }
            if (!unknown.isEmpty()) {
                rows.add(new Row(1, null, List.of(new FieldError("header", "unknown column(s) " + unknown + "; known: " + String.join(",", COLUMNS)))));
                return rows;
            }
            for (CSVRecord record : parser) {
                // after a record the parser has read the line it ends on (quoted fields may span lines)
                rows.add(fromCsv(record, (int) parser.getCurrentLineNumber()));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            // the parser's own message names its internals: say what is wrong in the file instead
            rows.add(new Row(rows.size() + 2, null, List.of(new FieldError("file",
                    "is not readable CSV: a header name is empty or repeated, or a quoted field is not closed"))));
        }
        return rows;
    }

    private static Row fromCsv(CSVRecord r, int line) {
        List<FieldError> errors = new ArrayList<>();
        Function<String, String> cell = name -> r.isMapped(name) && r.isSet(name) && !r.get(name).isBlank() ? r.get(name) : null;
        EnterpriseKind kind = parseEnum(cell.apply("kind"), EnterpriseKind.class, "kind", errors);
        Map<CooperationField, Willingness> willingness = parseWillingness(cell.apply("willingness"), errors);
        List<ContactDto> contacts = cell.apply("contactName") == null ? List.of()
                : List.of(new ContactDto(cell.apply("contactName"), cell.apply("contactRole"), cell.apply("contactPhone"),
                        cell.apply("contactEmail")));
        RegisterEnterpriseRequest request = new RegisterEnterpriseRequest(cell.apply("name"), cell.apply("englishName"),
                cell.apply("creditCode"), kind, cell.apply("tier"), cell.apply("tierLevel"),
                parse(cell.apply("tierYear"), Integer::valueOf, "tierYear", errors),
                parse(cell.apply("tierValidUntil"), LocalDate::parse, "tierValidUntil", errors), cell.apply("regionCode"),
                list(cell.apply("chains")), list(cell.apply("capabilities")), cell.apply("description"), cell.apply("products"),
                list(cell.apply("certifications")), willingness,
                parse(cell.apply("employees"), Integer::valueOf, "employees", errors),
                parse(cell.apply("revenue"), BigDecimal::new, "revenue", errors),
                parse(cell.apply("yearFounded"), Integer::valueOf, "yearFounded", errors), contacts);
        return new Row(line, request, errors);
    }

    static List<Row> readNdjson(String text, ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                rows.add(new Row(i + 1, strict.readValue(lines[i], RegisterEnterpriseRequest.class), List.of()));
            } catch (JsonProcessingException e) {
                String field = e instanceof JsonMappingException m ? m.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("line") : "line";
                rows.add(new Row(i + 1, null, List.of(new FieldError(field, org.rongtong.web.problem.JsonErrors.message(e)))));
            }
        }
        return rows;
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split("[;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<CooperationField, Willingness> parseWillingness(String cell, List<FieldError> errors) {
        Map<CooperationField, Willingness> out = new EnumMap<>(CooperationField.class);
        for (String pair : list(cell)) {
            String[] parts = pair.split("[:：]");
            CooperationField field = parts.length == 2 ? parseEnum(parts[0].strip(), CooperationField.class, "willingness", errors) : null;
            Willingness level = parts.length == 2 ? parseEnum(parts[1].strip(), Willingness.class, "willingness", errors) : null;
            if (parts.length != 2) {
                errors.add(new FieldError("willingness", "must be FIELD:LEVEL pairs separated by ';', e.g. TECH_RND:STRONG"));
            } else if (field != null && level != null) {
                out.put(field, level);
            }
        }
        return out;
    }

    private static <E extends Enum<E>> E parseEnum(String value, Class<E> type, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "is not one of " + Arrays.toString(type.getEnumConstants()) + ": " + value));
            return null;
        }
    }

    private static <T> T parse(String value, Function<String, T> parser, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "cannot be read: " + value));
            return null;
        }
    }
}

package org.rongtong.registry.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;
import org.rongtong.registry.rest.ContactDto;
import org.rongtong.registry.rest.RegisterEnterpriseRequest;
import org.rongtong.web.problem.Problem;
import org.rongtong.web.problem.Problem.FieldError;
import org.rongtong.web.problem.ProblemException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a bulk-import file row by row, keeping each row's line number and the problems found while reading it, and
 * never holding more than one row. CSV has a header naming its columns; NDJSON is one profile object per line. The
 * text arrives already decoded ({@link ImportUpload} decides the charset).
 *
 * <p>Two kinds of trouble: a row that reads but holds wrong values is a {@link Row} with errors (rejected, the file
 * goes on); a file that cannot be read as rows at all throws {@link Unreadable} with the line (the whole file is
 * refused with a 400 before anything is written).
 */
public final class ImportFile {

    /** One row: the profile read from it (null when unreadable) and what was wrong while reading it. */
    public record Row(int line, RegisterEnterpriseRequest request, List<FieldError> errors) {
    }

    // ASCII or full-width: spreadsheets typed in Chinese input mode write the latter
    private static final char LIST_SEPARATOR = ';';
    private static final char LIST_SEPARATOR_WIDE = '；';
    private static final char PAIR_SEPARATOR = ':';
    private static final char PAIR_SEPARATOR_WIDE = '：';

    public static final String CSV = "csv";
    public static final String NDJSON = "ndjson";

    /** The CSV columns; lists are separated by ';', willingness is FIELD:LEVEL;FIELD:LEVEL. */
    public static final List<String> COLUMNS = List.of("name", "englishName", "creditCode", "kind", "tier", "tierLevel", "tierYear",
            "tierValidUntil", "regionCode", "chains", "capabilities", "description", "products", "certifications", "willingness",
            "employees", "revenue", "yearFounded", "contactName", "contactRole", "contactPhone", "contactEmail");

    private ImportFile() {
    }

    /** A file that cannot be read as rows: refused whole, naming the line. */
    public static final class Unreadable extends RuntimeException {
        private final long line;

        public Unreadable(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public long line() {
            return line;
        }

        public ProblemException problem() {
            return new ProblemException(Problem.of(400, "unreadable-file", "The file cannot be read",
                    "Line " + line + ": " + getMessage(), List.of(new FieldError("line " + line, getMessage()))));
        }
    }

    /** Reads the rows one by one into {@code sink}; throws {@link Unreadable} at the first line that breaks the file. */
    public static void read(String format, Reader text, ObjectMapper mapper, Consumer<Row> sink) throws IOException {
        if (NDJSON.equals(format)) {
            readNdjson(text, mapper, sink);
        } else {
            readCsv(text, sink);
        }
    }

    static void readCsv(Reader text, Consumer<Row> sink) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = format.parse(text)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header = next(records, parser);
            if (header == null) {
                return;
            }
            Map<String, Integer> columns = header(header, parser.getCurrentLineNumber());
            for (CSVRecord record = next(records, parser); record != null; record = next(records, parser)) {
                // after a record the parser has read the line it ends on (quoted fields may span lines)
                int line = (int) parser.getCurrentLineNumber();
                if (record.size() > header.size()) {
                    sink.accept(new Row(line, null, List.of(new FieldError("line", "has " + record.size()
                            + " cells but the header names " + header.size() + " columns (an unquoted comma?)"))));
                } else {
                    sink.accept(fromCsv(record, columns, line));
                }
            }
        }
    }

    private static CSVRecord next(Iterator<CSVRecord> records, CSVParser parser) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            // broken quoting: the parser stops on the line where it gave up
            throw new Unreadable(Math.max(1, parser.getCurrentLineNumber()), "is not readable CSV: " + rootMessage(e));
        }
    }

    /** The header's columns by name; a blank, repeated or unknown cell, or a missing required column, refuses the file. */
    private static Map<String, Integer> header(CSVRecord header, long line) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            if (name.isEmpty()) {
                throw new Unreadable(line, "column " + (i + 1) + " of the header is blank; the header must name every column (known: "
                        + String.join(",", COLUMNS) + ")");
            }
            if (!COLUMNS.contains(name)) {
                throw new Unreadable(line, "unknown column " + name + " in the header; known: " + String.join(",", COLUMNS));
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw new Unreadable(line, "column " + name + " appears twice in the header");
            }
        }
        if (!columns.containsKey("name") || !columns.containsKey("creditCode")) {
            throw new Unreadable(line, "the header must name the columns, at least name and creditCode; known: " + String.join(",", COLUMNS));
        }
        return columns;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static Row fromCsv(CSVRecord r, Map<String, Integer> columns, int line) {
        List<FieldError> errors = new ArrayList<>();
        Function<String, String> cell = name -> {
            Integer i = columns.get(name);
            return i != null && i < r.size() && !r.get(i).isBlank() ? r.get(i) : null;
        };
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

    static void readNdjson(Reader text, ObjectMapper mapper, Consumer<Row> sink) throws IOException {
        ObjectMapper strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        BufferedReader lines = text instanceof BufferedReader b ? b : new BufferedReader(text, 1 << 16);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isBlank()) {
                sink.accept(ndjsonRow(strict, line, number));
            }
        }
    }

    /** One line: an object whose fields may be wrong (a rejected row), or not one object at all (an unreadable file). */
    private static Row ndjsonRow(ObjectMapper strict, String line, int number) throws IOException {
        try (JsonParser parser = strict.createParser(line)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new Unreadable(number, "must hold one JSON object, not " + (first == JsonToken.VALUE_NULL ? "null" : parser.getText()));
            }
            RegisterEnterpriseRequest request;
            try {
                request = strict.readValue(parser, RegisterEnterpriseRequest.class);
            } catch (JsonMappingException e) {
                String field = e.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("line");
                return new Row(number, null, List.of(new FieldError(field, e.getOriginalMessage())));
            }
            if (parser.nextToken() != null) {
                throw new Unreadable(number, "must hold one JSON object and nothing after it");
            }
            return new Row(number, request, List.of());
        } catch (JsonParseException e) {
            throw new Unreadable(number, "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        // split by hand: every list cell of every row passes here, and a regular expression was a tenth of the check
        List<String> items = new ArrayList<>(4);
        int from = 0;
        for (int i = 0; i <= cell.length(); i++) {
            if (i == cell.length() || cell.charAt(i) == LIST_SEPARATOR || cell.charAt(i) == LIST_SEPARATOR_WIDE) {
                String item = cell.substring(from, i).strip();
                if (!item.isEmpty()) {
                    items.add(item);
                }
                from = i + 1;
            }
        }
        return items;
    }

    /** The index of the only pair separator in {@code pair}, or -1 when there is none or more than one. */
    private static int pairSeparator(String pair) {
        int found = -1;
        for (int i = 0; i < pair.length(); i++) {
            if (pair.charAt(i) == PAIR_SEPARATOR || pair.charAt(i) == PAIR_SEPARATOR_WIDE) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    private static Map<CooperationField, Willingness> parseWillingness(String cell, List<FieldError> errors) {
        Map<CooperationField, Willingness> out = new EnumMap<>(CooperationField.class);
        for (String pair : list(cell)) {
            int at = pairSeparator(pair);
            CooperationField field = at > 0 ? parseEnum(pair.substring(0, at).strip(), CooperationField.class, "willingness", errors) : null;
            Willingness level = at > 0 ? parseEnum(pair.substring(at + 1).strip(), Willingness.class, "willingness", errors) : null;
            if (at <= 0) {
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

package org.rongtong.persistence;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON mapping used for JSON-valued columns: stable, ISO-8601 dates, tolerant of unknown fields. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable to a JSON column", e);
        }
    }

    /**
     * A JSON array of strings, the same text Jackson writes ({@code ["a","b"]}, only {@code "}, {@code \\} and control
     * characters escaped), without a generator per call: a bulk import writes three such columns per row.
     */
    static String strings(List<String> values) {
        StringBuilder out = new StringBuilder(16 + values.size() * 24).append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, values.get(i));
        }
        return out.append(']').toString();
    }

    /** A JSON object of enum names to enum names, in the map's order, as Jackson writes it. */
    static String names(Map<? extends Enum<?>, ? extends Enum<?>> values) {
        StringBuilder out = new StringBuilder(16 + values.size() * 32).append('{');
        boolean first = true;
        for (Map.Entry<? extends Enum<?>, ? extends Enum<?>> e : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey().name());
            out.append(':');
            if (e.getValue() == null) {
                out.append("null");
            } else {
                string(out, e.getValue().name());
            }
        }
        return out.append('}').toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static void string(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON column holds unreadable data", e);
        }
    }

    static <T> T read(String json, JavaType type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON column holds unreadable data", e);
        }
    }
}

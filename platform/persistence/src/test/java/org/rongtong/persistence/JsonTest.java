package org.rongtong.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The JSON columns written without Jackson read exactly as Jackson wrote them before. */
@Tag("unit")
class JsonTest {

    enum Field { TECH_RND, PROCUREMENT, GREEN_LOW_CARBON, SPACE_CARRIER }

    enum Will { STRONG, OPEN, NONE }

    /** As a service binds it. */
    static final class WillConverter extends EnumMapConverter<Field, Will> {
        WillConverter() {
            super(Field.class, Will.class);
        }
    }

    @Test
    void aListOfStringsIsTheTextJacksonWrites() {
        List<String> values = new ArrayList<>(List.of("精密注塑", "a\"quoted\" \\ back/slash", "tab\there\nnew line\r\b\f",
                "𠀋 emoji 🙂", "\u007f del \u2028 separator", ""));
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        values.add(controls.toString());

        assertEquals(Json.write(values), Json.strings(values));
        assertEquals(Json.write(List.of()), Json.strings(List.of()));
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals(Json.write(withNull), Json.strings(withNull));
    }

    @Test
    void aMapOfEnumsIsTheTextJacksonWrites() {
        Map<Field, Will> values = new EnumMap<>(Field.class);
        assertEquals(Json.write(values), Json.names(values));
        for (Field field : Field.values()) {
            values.put(field, Will.values()[field.ordinal() % Will.values().length]);
        }
        assertEquals(Json.write(values), Json.names(values));
    }

    @Test
    void theConvertersReadBackWhatTheyWrite() {
        StringListConverter lists = new StringListConverter();
        List<String> tags = List.of("模具开发", "x\"y\\z\n");
        assertEquals(tags, lists.convertToEntityAttribute(lists.convertToDatabaseColumn(tags)));
        WillConverter willingness = new WillConverter();
        Map<Field, Will> map = new EnumMap<>(Map.of(Field.values()[0], Will.values()[0]));
        assertEquals(map, willingness.convertToEntityAttribute(willingness.convertToDatabaseColumn(map)));
    }
}

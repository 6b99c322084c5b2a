package org.rongtong.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.Willingness;

/** The JSON columns written without Jackson read exactly as Jackson wrote them before. */
@Tag("unit")
class JsonTest {

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
        Map<CooperationField, Willingness> values = new EnumMap<>(CooperationField.class);
        assertEquals(Json.write(values), Json.names(values));
        for (CooperationField field : CooperationField.values()) {
            values.put(field, Willingness.values()[field.ordinal() % Willingness.values().length]);
        }
        assertEquals(Json.write(values), Json.names(values));
    }

    @Test
    void theConvertersReadBackWhatTheyWrite() {
        StringListConverter lists = new StringListConverter();
        List<String> tags = List.of("模具开发", "x\"y\\z\n");
        assertEquals(tags, lists.convertToEntityAttribute(lists.convertToDatabaseColumn(tags)));
        WillingnessMapConverter willingness = new WillingnessMapConverter();
        Map<CooperationField, Willingness> map = new EnumMap<>(Map.of(CooperationField.values()[0], Willingness.values()[0]));
        assertEquals(map, willingness.convertToEntityAttribute(willingness.convertToDatabaseColumn(map)));
    }
}

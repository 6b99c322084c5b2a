package org.rongtong.persistence;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.AttributeConverter;

import com.fasterxml.jackson.databind.JavaType;

/**
 * A map of enum to enum kept as a JSON object in a text column, in key order. A service binds it to its types with a
 * subclass annotated {@code @Converter} (JPA needs a concrete class), e.g. willingness per cooperation field.
 */
public abstract class EnumMapConverter<K extends Enum<K>, V extends Enum<V>> implements AttributeConverter<Map<K, V>, String> {

    private final Class<K> keys;
    private final JavaType type;

    protected EnumMapConverter(Class<K> keys, Class<V> values) {
        this.keys = keys;
        this.type = Json.MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, keys, values);
    }

    @Override
    public String convertToDatabaseColumn(Map<K, V> values) {
        return Json.names(copyOf(keys, values));
    }

    @Override
    public Map<K, V> convertToEntityAttribute(String column) {
        EnumMap<K, V> map = new EnumMap<>(keys);
        if (column != null && !column.isBlank()) {
            map.putAll(Json.<Map<K, V>>read(column, type));
        }
        return map;
    }

    /** A sorted, mutable copy; null and empty maps are fine (unlike {@code new EnumMap<>(Map)} with an empty map). */
    public static <K extends Enum<K>, V> EnumMap<K, V> copyOf(Class<K> keys, Map<K, V> values) {
        EnumMap<K, V> copy = new EnumMap<>(keys);
        if (values != null) {
            copy.putAll(values);
        }
        return copy;
    }
}

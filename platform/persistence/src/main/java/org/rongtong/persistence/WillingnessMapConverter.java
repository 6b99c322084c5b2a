package org.rongtong.persistence;

import java.util.EnumMap;
import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.rongtong.events.CooperationField;
import org.rongtong.events.Willingness;

import com.fasterxml.jackson.core.type.TypeReference;

/** Willingness per cooperation field, kept as a JSON object in a text column. */
@Converter
public class WillingnessMapConverter implements AttributeConverter<Map<CooperationField, Willingness>, String> {

    private static final TypeReference<Map<CooperationField, Willingness>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<CooperationField, Willingness> values) {
        return Json.names(copyOf(values));
    }

    /** A sorted, mutable copy; null and empty maps are fine (unlike {@code new EnumMap<>(Map)} with an empty map). */
    public static EnumMap<CooperationField, Willingness> copyOf(Map<CooperationField, Willingness> values) {
        EnumMap<CooperationField, Willingness> copy = new EnumMap<>(CooperationField.class);
        if (values != null) {
            copy.putAll(values);
        }
        return copy;
    }

    @Override
    public Map<CooperationField, Willingness> convertToEntityAttribute(String column) {
        Map<CooperationField, Willingness> map = new EnumMap<>(CooperationField.class);
        if (column != null && !column.isBlank()) {
            map.putAll(Json.read(column, TYPE));
        }
        return map;
    }
}

package org.rongtong.registry.model;

import java.util.EnumMap;
import java.util.Map;

import jakarta.persistence.Converter;

import org.rongtong.events.CooperationField;
import org.rongtong.events.Willingness;
import org.rongtong.persistence.EnumMapConverter;

/** Willingness per cooperation field, kept as a JSON object in a text column. */
@Converter
public class WillingnessConverter extends EnumMapConverter<CooperationField, Willingness> {

    public WillingnessConverter() {
        super(CooperationField.class, Willingness.class);
    }

    /** A sorted, mutable copy; null and empty maps are fine. */
    public static EnumMap<CooperationField, Willingness> copyOf(Map<CooperationField, Willingness> values) {
        return EnumMapConverter.copyOf(CooperationField.class, values);
    }
}

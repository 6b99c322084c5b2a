package org.rongtong.persistence;

import com.fasterxml.jackson.core.type.TypeReference;

import jakarta.persistence.AttributeConverter;

/** Base for a converter of any JSON-shaped value: subclasses only name the type. */
public abstract class JsonConverter<T> implements AttributeConverter<T, String> {

    private final TypeReference<T> type;

    protected JsonConverter(TypeReference<T> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        return value == null ? null : Json.write(value);
    }

    @Override
    public T convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? null : Json.read(column, type);
    }
}

package org.rongtong.demand.model;

import java.util.List;

import jakarta.persistence.Converter;

import org.rongtong.persistence.JsonConverter;

import com.fasterxml.jackson.core.type.TypeReference;

/** A list of strings kept as a JSON array in a nullable text column: null stays null (StringListConverter writes []). */
@Converter
public class OptionalStringListConverter extends JsonConverter<List<String>> {

    public OptionalStringListConverter() {
        super(new TypeReference<>() {
        });
    }
}

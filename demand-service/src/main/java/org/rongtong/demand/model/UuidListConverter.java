package org.rongtong.demand.model;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Converter;

import org.rongtong.persistence.JsonConverter;

import com.fasterxml.jackson.core.type.TypeReference;

/** A list of ids kept as a JSON array in a text column (searchable with jsonb containment). */
@Converter
public class UuidListConverter extends JsonConverter<List<UUID>> {

    public UuidListConverter() {
        super(new TypeReference<>() {
        });
    }
}

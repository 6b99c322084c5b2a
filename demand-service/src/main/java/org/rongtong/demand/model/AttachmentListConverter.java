package org.rongtong.demand.model;

import java.util.List;

import jakarta.persistence.Converter;

import org.rongtong.persistence.JsonConverter;

import com.fasterxml.jackson.core.type.TypeReference;

@Converter
public class AttachmentListConverter extends JsonConverter<List<Attachment>> {

    public AttachmentListConverter() {
        super(new TypeReference<>() {
        });
    }
}

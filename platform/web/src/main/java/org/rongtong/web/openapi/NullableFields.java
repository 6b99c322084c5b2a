package org.rongtong.web.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Jackson writes an unset field as {@code null}, and the scanned schemas said the field is always a string, a number or
 * an object: a generated client in a strict language fails on the first {@code "englishName": null}. Every property
 * the schema does not list as required may therefore be null too (OpenAPI 3.1: {@code "null"} in its type, or
 * {@code anyOf} the reference and null). Required properties (Bean Validation's {@code @NotNull}, {@code @NotBlank},
 * an explicit {@code @Schema(required = true)}) stay as they are.
 */
final class NullableFields {

    private NullableFields() {
    }

    static void apply(Components components) {
        if (components != null && components.getSchemas() != null) {
            components.getSchemas().values().forEach(NullableFields::walk);
        }
    }

    private static void walk(Schema schema) {
        if (schema == null) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> property : new ArrayList<>(properties.entrySet())) {
                walk(property.getValue());
                if (!required.contains(property.getKey())) {
                    schema.addProperty(property.getKey(), nullable(property.getValue()));
                }
            }
        }
        walk(schema.getItems());
    }

    static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().description(property.getDescription())
                    .anyOf(List.of(OASFactory.createSchema().ref(property.getRef()), OASFactory.createSchema().addType(SchemaType.NULL)));
        }
        List<SchemaType> types = property.getType();
        if (types != null && !types.isEmpty() && !types.contains(SchemaType.NULL)) {
            property.addType(SchemaType.NULL);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        }
        return property;
    }
}

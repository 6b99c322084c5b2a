package org.rongtong.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An array as JSON text, to pass arrays of arrays (which unnest cannot take) through one text column. */
final class JsonArrays {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonArrays() {
    }

    static String of(Object[] values) {
        try {
            return JSON.writeValueAsString(values == null ? new Object[0] : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

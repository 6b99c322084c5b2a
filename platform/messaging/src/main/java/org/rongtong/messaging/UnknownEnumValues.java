package org.rongtong.messaging;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;

/**
 * Reading event data that holds enum values a newer producer added (contracts grow within {@code .v1}, docs/asyncapi.yaml;
 * docs/adr/0033-platform-edges-and-tolerant-event-reading.md). An unknown value is read as null and noted; in a list, set
 * or map of enums the entry is dropped and forgotten (the rest of the event is understood: a new cooperation field in
 * an enterprise's willingness). What stays noted is an unknown value in a field of its own (a new status, kind or
 * field), which the event cannot be understood without: {@link CloudEvent#dataAs} then skips the event.
 */
final class UnknownEnumValues {

    private static final Object NOTED = new Object();

    private UnknownEnumValues() {
    }

    /** Configures a mapper to read unknown enum values as described above. */
    static JsonMapper.Builder tolerate(JsonMapper.Builder builder) {
        SimpleModule module = new SimpleModule("unknown-enum-values");
        module.setDeserializerModifier(new DropUnknownEntries());
        return builder.addModule(module).addHandler(new ReadAsNull());
    }

    /** A reader that notes the unknown values of one read in {@code noted}. */
    static ObjectReader noting(ObjectReader reader, List<String> noted) {
        return reader.withAttribute(NOTED, noted);
    }

    @SuppressWarnings("unchecked")
    private static List<String> noted(DeserializationContext ctxt) {
        Object noted = ctxt.getAttribute(NOTED);
        return noted instanceof List<?> ? (List<String>) noted : null;
    }

    private static void note(DeserializationContext ctxt, Class<?> type, String value) {
        List<String> noted = noted(ctxt);
        if (noted != null) {
            noted.add(type.getSimpleName() + "." + value);
        }
    }

    private static final class ReadAsNull extends DeserializationProblemHandler {

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert, String failureMsg) {
            if (!targetType.isEnum()) {
                return NOT_HANDLED;
            }
            note(ctxt, targetType, valueToConvert);
            return null;
        }

        @Override
        public Object handleWeirdKey(DeserializationContext ctxt, Class<?> rawKeyType, String keyValue, String failureMsg) {
            if (!rawKeyType.isEnum()) {
                return NOT_HANDLED;
            }
            note(ctxt, rawKeyType, keyValue);
            return null;
        }
    }

    private static final class DropUnknownEntries extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type, BeanDescription beanDesc,
                JsonDeserializer<?> deserializer) {
            return type.getKeyType().isEnumType() || type.getContentType().isEnumType() ? new DroppingNulls(deserializer) : deserializer;
        }

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
            return type.getContentType().isEnumType() ? new DroppingNulls(deserializer) : deserializer;
        }
    }

    /** A map or collection of enums without the entries its unknown values became; their notes are dropped with them. */
    private static final class DroppingNulls extends DelegatingDeserializer {

        DroppingNulls(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new DroppingNulls(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            List<String> noted = noted(ctxt);
            int before = noted == null ? 0 : noted.size();
            Object value = super.deserialize(p, ctxt);
            if (noted != null) {
                noted.subList(before, noted.size()).clear();
            }
            // an entry without a value says nothing either, so nulls go whether they were unknown or written as null
            if (value instanceof Map<?, ?> map) {
                map.entrySet().removeIf(e -> e.getKey() == null || e.getValue() == null);
            } else if (value instanceof Collection<?> collection) {
                collection.removeIf(Objects::isNull);
            }
            return value;
        }
    }
}

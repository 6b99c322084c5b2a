package org.rongtong.web.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rongtong.web.validation.StorableText;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

/**
 * A body Jackson could not read, as a problem that names the JSON field and what it must be, in the API's words.
 * Jackson's own messages name Java types ({@code java.util.UUID}, record classes) and echo parser internals; none
 * of that reaches the client.
 */
public final class JsonErrors {

    private static final String TITLE = "The request body is not valid JSON for this resource";

    private JsonErrors() {
    }

    static Problem problem(JsonProcessingException e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return malformed("The body is nested too deeply, or a string or number in it is too long", List.of());
            }
        }
        if (e instanceof JsonEOFException) {
            return malformed("The body ends before its JSON does", List.of());
        }
        if (e instanceof JsonParseException parse) {
            return malformed("The body is not valid JSON" + where(parse.getLocation()), List.of());
        }
        if (e instanceof JsonMappingException mapping) {
            String field = pointer(mapping);
            String message = message(mapping);
            if (field.isEmpty()) {
                return malformed("The body " + message, List.of());
            }
            return malformed("1 field(s) are invalid", List.of(new Problem.FieldError(field, message)));
        }
        return malformed("The body is not valid JSON", List.of());
    }

    private static Problem malformed(String detail, List<Problem.FieldError> errors) {
        return Problem.of(400, "malformed", TITLE, detail, errors);
    }

    /** What is wrong with one JSON value, for reports that carry their own field names (bulk imports). */
    public static String message(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            return message(mapping);
        }
        return e instanceof StreamConstraintsException ? "is nested too deeply, or a string or number in it is too long" : "is not valid JSON";
    }

    private static String message(JsonMappingException e) {
        if (e instanceof PropertyBindingException) {
            return "is not a field of this resource";
        }
        if (e instanceof TextGuards.UnstorableText) {
            return StorableText.MESSAGE;
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            if (mismatch.getTargetType() == Object.class) {
                return "is not a JSON value of the expected type";
            }
            return "must be " + describe(mismatch.getTargetType());
        }
        return "is not valid here";
    }

    /** What a JSON value of this Java type looks like, for a client that never sees the Java side. */
    static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class
                || type == Short.class || type == byte.class || type == Byte.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an ISO-8601 instant such as 2025-06-30T00:00:00Z";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date such as 2025-06-30";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return type == byte[].class ? "a string" : "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** {@code contacts[0].email}: JSON names and array positions, as the client wrote them. */
    static String pointer(JsonMappingException e) {
        StringBuilder name = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (name.length() > 0) {
                    name.append('.');
                }
                name.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                name.append('[').append(ref.getIndex()).append(']');
            }
        }
        return name.toString();
    }
}

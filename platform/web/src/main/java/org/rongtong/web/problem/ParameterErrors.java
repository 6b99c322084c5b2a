package org.rongtong.web.problem;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * Which path, query or header parameter Quarkus REST could not convert. Its exception carries only the converter's
 * failure, so the resource method's typed parameters are tried again against the request's raw values; each value
 * that does not convert becomes one entry naming the parameter, with what it must be.
 */
final class ParameterErrors {

    private ParameterErrors() {
    }

    static Problem problem(Method method, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Parameter[] parameters = method.getParameters();
        Type[] generic = method.getGenericParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            String name;
            List<String> raw;
            if (parameters[i].getAnnotation(QueryParam.class) != null) {
                name = parameters[i].getAnnotation(QueryParam.class).value();
                raw = uri.getQueryParameters(true).get(name);
            } else if (parameters[i].getAnnotation(PathParam.class) != null) {
                name = parameters[i].getAnnotation(PathParam.class).value();
                raw = uri.getPathParameters(true).get(name);
            } else if (parameters[i].getAnnotation(HeaderParam.class) != null) {
                name = parameters[i].getAnnotation(HeaderParam.class).value();
                raw = headers.getRequestHeader(name);
            } else {
                continue;
            }
            Class<?> type = elementType(parameters[i].getType(), generic[i]);
            if (raw == null || type == null) {
                continue;
            }
            for (String value : raw) {
                if (!converts(type, value)) {
                    errors.add(new Problem.FieldError(name, "must be " + describe(type)));
                    break;
                }
            }
        }
        String detail = errors.isEmpty() ? "A path, query or header parameter is not valid" : errors.size() + " field(s) are invalid";
        return Problem.of(400, "validation", "The request is not valid", detail, errors);
    }

    private static Class<?> elementType(Class<?> raw, Type generic) {
        if (Collection.class.isAssignableFrom(raw) || raw == Optional.class) {
            if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                return element;
            }
            return null;
        }
        return raw;
    }

    private static String describe(Class<?> type) {
        return type == UUID.class ? "a UUID" : JsonErrors.describe(type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean converts(Class<?> type, String value) {
        try {
            if (type == UUID.class) {
                UUID.fromString(value);
            } else if (type.isEnum()) {
                Enum.valueOf((Class) type, value);
            } else if (type == int.class || type == Integer.class) {
                Integer.valueOf(value);
            } else if (type == long.class || type == Long.class) {
                Long.valueOf(value);
            } else if (type == short.class || type == Short.class) {
                Short.valueOf(value);
            } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                Double.valueOf(value);
            } else if (type == BigDecimal.class) {
                new BigDecimal(value);
            } else if (type == LocalDate.class) {
                LocalDate.parse(value);
            } else if (type == Instant.class) {
                Instant.parse(value);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}

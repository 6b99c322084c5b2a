package org.rongtong.demand.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import org.rongtong.web.problem.ProblemException;

/** Typed query parameters whose bad values answer 400 naming the parameter (JAX-RS conversion would answer 404). */
final class QueryParams {

    private QueryParams() {
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 instant such as 2025-06-30T00:00:00Z");
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 date such as 2025-06-30");
        }
    }

    static String matching(String name, String value, String regex, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches(regex)) {
            throw ProblemException.invalid(name, message);
        }
        return value.strip();
    }

    static <T extends Comparable<T>> void ordered(String fromName, T from, String toName, T to) {
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw ProblemException.invalid(toName, "must not be before " + fromName);
        }
    }

    static final String REGION = "\\d{2}(\\d{2}){0,2}";
    static final String REGION_MESSAGE = "must be a division-code prefix (2, 4 or 6 digits)";
    static final String CHAIN = "[A-Za-z0-9_-]{1,40}";

    /** If-Match where it is optional: null when absent. */
    static Long optionalIfMatch(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : org.rongtong.web.rest.Versions.requireIfMatch(ifMatch);
    }
}

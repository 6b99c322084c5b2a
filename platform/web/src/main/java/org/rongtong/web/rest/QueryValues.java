package org.rongtong.web.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import org.rongtong.web.problem.ProblemException;

/**
 * Query values a resource reads as text and converts itself: absent or blank is null, a value that does not convert is
 * a 400 {@code validation} problem naming the parameter, never a 404 (ADR 0032). Typed parameters get the same answer
 * from {@code ProblemMappers}.
 */
public final class QueryValues {

    private QueryValues() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 instant such as 2025-06-30T00:00:00Z");
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 date such as 2025-06-30");
        }
    }

    public static String matching(String name, String value, String regex, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches(regex)) {
            throw ProblemException.invalid(name, message);
        }
        return value.strip();
    }

    public static <T extends Comparable<T>> void ordered(String fromName, T from, String toName, T to) {
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw ProblemException.invalid(toName, "must not be before " + fromName);
        }
    }
}

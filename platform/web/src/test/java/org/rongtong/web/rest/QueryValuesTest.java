package org.rongtong.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.web.problem.Problem;
import org.rongtong.web.problem.ProblemException;

@Tag("unit")
class QueryValuesTest {

    enum Colour { RED, GREEN }

    @Test
    void absentOrBlankValuesAreNoFilter() {
        assertNull(QueryValues.uuid("publisher", null));
        assertNull(QueryValues.oneOf("status", " ", Colour.class));
        assertNull(QueryValues.instant("from", ""));
        assertNull(QueryValues.date("from", null));
        assertNull(QueryValues.matching("chain", null, "[a-z]+", "must be letters"));
    }

    @Test
    void goodValuesConvert() {
        UUID id = UUID.randomUUID();
        assertEquals(id, QueryValues.uuid("publisher", " " + id + " "));
        assertEquals(Colour.GREEN, QueryValues.oneOf("status", "GREEN", Colour.class));
        assertEquals(LocalDate.of(2025, 6, 30), QueryValues.date("from", "2025-06-30"));
    }

    @Test
    void everyBadValueIsA400NamingItsParameter() {
        assertNamed("publisher", "must be a UUID", () -> QueryValues.uuid("publisher", "nope"));
        assertNamed("status", "must be one of [RED, GREEN]", () -> QueryValues.oneOf("status", "BLUE", Colour.class));
        assertNamed("deadlineFrom", null, () -> QueryValues.instant("deadlineFrom", "yesterday"));
        assertNamed("dateTo", null, () -> QueryValues.date("dateTo", "2025-13-01"));
        assertNamed("chain", "must be letters", () -> QueryValues.matching("chain", "a1", "[a-z]+", "must be letters"));
        assertNamed("dateTo", "must not be before dateFrom",
                () -> QueryValues.ordered("dateFrom", LocalDate.of(2025, 2, 1), "dateTo", LocalDate.of(2025, 1, 1)));
    }

    private static void assertNamed(String parameter, String message, Runnable conversion) {
        Problem problem = assertThrows(ProblemException.class, conversion::run).problem();
        assertEquals(400, problem.status());
        assertEquals(parameter, problem.errors().get(0).field());
        if (message != null) {
            assertEquals(message, problem.errors().get(0).message());
        }
    }
}

package org.rongtong.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The HTTP-edge conventions of ADR 0032 as assertions, so that every service's tests check them the same way: a bad
 * query value, the page of a list, a lost update.
 */
public final class EdgeConventions {

    /** The fields of every page-numbered list's answer, and no others. */
    public static final Set<String> PAGE_FIELDS = Set.of("items", "page", "size", "total");

    private EdgeConventions() {
    }

    /** 400 {@code validation} problem whose only entry names the parameter (never a 404). */
    public static void assertBadParameter(Response answer, String parameter) {
        assertEquals(400, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType().split(";")[0]);
        JsonPath body = answer.jsonPath();
        assertEquals("https://rongtong.org/problems/validation", body.getString("type"));
        List<String> fields = body.getList("errors.field");
        assertEquals(List.of(parameter), fields, answer.asString());
    }

    /** A page in the one shape: {@code items, page, size, total}, with a total the items do not contradict. */
    public static void assertPage(Response answer, int page, int size) {
        assertEquals(200, answer.statusCode(), answer.asString());
        Map<String, Object> body = answer.jsonPath().getMap("$");
        assertEquals(new TreeSet<>(PAGE_FIELDS), new TreeSet<>(body.keySet()));
        assertEquals(page, body.get("page"));
        assertEquals(size, body.get("size"));
        List<?> items = (List<?>) body.get("items");
        long total = ((Number) body.get("total")).longValue();
        assertTrue(items.size() <= size, "no more items than the size asked for");
        assertTrue(total >= (long) page * size + items.size(), "the total counts at least the rows up to this page");
        if (items.size() < size && !items.isEmpty()) {
            assertEquals((long) page * size + items.size(), total, "a short page is the last one");
        }
    }

    /** 412 {@code stale-version}: the one answer to an update made on a version that is no longer current. */
    public static void assertLostUpdate(Response answer) {
        assertEquals(412, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType().split(";")[0]);
        assertEquals("https://rongtong.org/problems/stale-version", answer.jsonPath().getString("type"));
    }
}

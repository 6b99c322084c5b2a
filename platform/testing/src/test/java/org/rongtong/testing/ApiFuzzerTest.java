package org.rongtong.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the fuzzer counts as a broken contract. */
@Tag("unit")
class ApiFuzzerTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aServerErrorIsAFindingWhateverItsBody() {
        assertEquals("server error", ApiFuzzer.problem(500, PROBLEM, "{\"status\":500}"));
        assertEquals("server error", ApiFuzzer.problem(503, "text/plain", ""));
    }

    @Test
    void aClientErrorMustBeAProblemWithItsOwnStatus() {
        assertNull(ApiFuzzer.problem(400, PROBLEM, "{\"status\":400,\"errors\":[{\"field\":\"size\",\"message\":\"must be an integer\"}]}"));
        assertEquals("a 4xx that is not application/problem+json", ApiFuzzer.problem(404, "application/json", "{\"status\":404}"));
        assertEquals("a problem+json body that is not JSON", ApiFuzzer.problem(400, PROBLEM, "{oops"));
        assertEquals("a problem whose status is not the HTTP status", ApiFuzzer.problem(400, PROBLEM, "{\"status\":404}"));
    }

    @Test
    void aProblemMustNotNameJavaTypesOrExceptions() {
        String finding = "a problem that names Java types or exception text";
        assertEquals(finding, ApiFuzzer.problem(400, PROBLEM, "{\"status\":400,\"detail\":\"Cannot deserialize value of type `java.util.UUID`\"}"));
        assertEquals(finding, ApiFuzzer.problem(400, PROBLEM, "{\"status\":400,\"detail\":\"No enum constant org.rongtong.events.MatchStatus.NOPE\"}"));
        assertEquals(finding, ApiFuzzer.problem(400, PROBLEM, "{\"status\":400,\"detail\":\"IllegalArgumentException: bad\"}"));
        assertNull(ApiFuzzer.problem(400, PROBLEM, "{\"status\":400,\"detail\":\"must be one of [SME, CHAIN_LEADER]\"}"));
    }

    @Test
    void successIsNotJudgedHere() {
        assertNull(ApiFuzzer.problem(200, "text/html", "anything"));
    }
}

package org.rongtong.web.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CreditCodeTest {

    @Test
    void acceptsTheStandardsWorkedExample() {
        assertNull(CreditCode.problem("91350100M000100Y43"));
    }

    @Test
    void completesSixteenCharactersToTheWorkedExample() {
        assertEquals("91350100M000100Y43", CreditCode.complete("91350100M000100Y"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "91350100M000100Y44, check character",
            "91350100M000100Y53, organisation code",
            "91350100M000100Y4, 18 characters",
            "91350100M000100Y433, 18 characters",
            "91350100m000100Y43, not allowed",
            "9135010OM000100Y43, not allowed",
            "91350I00M000100Y43, not allowed",
            "913501A0M000100Y43, region code",
    })
    void rejectsWithAReasonThatNamesTheFault(String code, String reason) {
        String problem = CreditCode.problem(code);
        assertTrue(problem != null && problem.contains(reason), code + " -> " + problem);
    }
}

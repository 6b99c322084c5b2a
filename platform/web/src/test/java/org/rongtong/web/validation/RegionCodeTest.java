package org.rongtong.web.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rongtong.web.problem.Problem;
import org.rongtong.web.problem.ProblemException;

@Tag("unit")
class RegionCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"37", "3702", "370212"})
    void aProvincePrefectureOrCountyIsAPrefix(String code) {
        assertTrue(RegionCode.isPrefix(code));
        assertTrue(code.matches(RegionCode.PREFIX), "the @Pattern constant agrees with the helper");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "370", "37021", "3702120", "37a2", "", " 37", "٣٧"})
    void oddLengthsLettersAndOtherDigitsAreNotPrefixes(String code) {
        assertFalse(RegionCode.isPrefix(code));
        assertFalse(code.matches(RegionCode.PREFIX));
    }

    @Test
    void nullIsNotAPrefix() {
        assertFalse(RegionCode.isPrefix(null));
    }

    @Test
    void anAbsentQueryValueIsNoFilter() {
        assertNull(RegionCode.prefix("region", null));
        assertNull(RegionCode.prefix("region", "  "));
    }

    @Test
    void aQueryValueIsStripped() {
        assertEquals("3702", RegionCode.prefix("region", " 3702 "));
    }

    @Test
    void aBadQueryValueIsA400NamingTheParameter() {
        Problem problem = assertThrows(ProblemException.class, () -> RegionCode.prefix("regionPrefix", "370")).problem();
        assertEquals(400, problem.status());
        assertEquals("regionPrefix", problem.errors().get(0).field());
        assertEquals(RegionCode.PREFIX_MESSAGE, problem.errors().get(0).message());
    }

    @Test
    void aRecordsOwnCodeIsSixDigits() {
        assertTrue("370212".matches(RegionCode.COUNTY));
        assertFalse("3702".matches(RegionCode.COUNTY));
    }
}

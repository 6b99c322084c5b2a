package org.rongtong.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.web.problem.Problem;
import org.rongtong.web.problem.ProblemException;

@Tag("unit")
class VersionsTest {

    @Test
    void aStaleIfMatchAndALostRaceAreTheSame412() {
        Problem stale = assertThrows(ProblemException.class, () -> Versions.requireCurrent(3, 4)).problem();
        Problem lost = Versions.lostRace().problem();
        assertEquals(412, stale.status());
        assertEquals(412, lost.status());
        assertEquals(stale.type(), lost.type());
        assertTrue(stale.detail().contains("4"), "names the current version when it is known");
    }

    @Test
    void anOptionalIfMatchMayBeAbsent() {
        assertNull(Versions.optionalIfMatch(null));
        assertNull(Versions.optionalIfMatch(" "));
        assertEquals(7L, Versions.optionalIfMatch("W/\"7\""));
    }

    @Test
    void aRequiredIfMatchMissingIs428() {
        assertEquals(428, assertThrows(ProblemException.class, () -> Versions.requireIfMatch(null)).problem().status());
    }

    @Test
    void anIfMatchThatIsNotOurETagIs400NamingTheHeader() {
        Problem problem = assertThrows(ProblemException.class, () -> Versions.optionalIfMatch("\"abc\"")).problem();
        assertEquals(400, problem.status());
        assertEquals("If-Match", problem.errors().get(0).field());
    }
}

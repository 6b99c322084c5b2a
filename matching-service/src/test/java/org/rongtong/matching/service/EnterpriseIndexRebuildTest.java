package org.rongtong.matching.service;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.Willingness;
import org.rongtong.matching.model.Candidate;

/** Item 7: a rebuild from the projection never brings back an enterprise the index saw deactivated at a newer version. */
@Tag("unit")
class EnterpriseIndexRebuildTest {

    @Test
    void anEnterpriseDeactivatedDuringTheRebuildIsNotResurrectedByItsOlderCopy() {
        EnterpriseIndex index = new EnterpriseIndex("cjk", Thesaurus.standard());
        Candidate stale = ScorerTest.candidate(List.of("精密注塑"), Willingness.STRONG, "370211");
        stale.version = 3;
        Candidate deactivated = ScorerTest.candidate(List.of("精密注塑"), Willingness.STRONG, "370211");
        deactivated.id = stale.id;
        deactivated.version = 4;
        deactivated.active = false;

        index.put(deactivated); // the event, applied while the projection was being read
        index.addAll(List.of(stale)); // the rebuild's copy, read before the deactivation committed
        assertNull(index.profile(stale.id));

        Candidate reactivated = ScorerTest.candidate(List.of("精密注塑"), Willingness.STRONG, "370211");
        reactivated.id = stale.id;
        reactivated.version = 5;
        index.addAll(List.of(reactivated)); // a newer active copy does come back
        assertNotNull(index.profile(stale.id));
    }
}

package org.rongtong.matching.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.DemandMatched.Reason;
import org.rongtong.matching.model.Candidate;

@Tag("unit")
class FairExposureTest {

    private final FairExposure exposure = new FairExposure(TestConfig.defaults().exposure());

    @Test
    void theDampingStartsAfterTheFreeCandidaciesAndStopsAtTheFloor() {
        assertEquals(1.0, exposure.factor(3), 1e-9);
        assertEquals(0.96, exposure.factor(4), 1e-9);
        assertEquals(0.80, exposure.factor(8), 1e-9);
        assertEquals(0.80, exposure.factor(500), 1e-9);
    }

    @Test
    void aDampedScoreExplainsItselfAndItsReasonsStillAddUp() {
        Candidate c = new Candidate();
        c.id = UUID.randomUUID();
        Scorer.Scored scored = new Scorer.Scored(c, 0.7, List.of(new Reason("capability", 0.5, "x"), new Reason("willingness", 0.2, "y")));

        assertSame(scored, exposure.damp(scored, Map.of(c.id, 2)));
        Scorer.Scored damped = exposure.damp(scored, Map.of(c.id, 6));
        assertEquals(0.7 * 0.88, damped.score(), 1e-9);
        assertEquals("exposure", damped.reasons().get(2).component());
        assertEquals(damped.score(), damped.reasons().stream().mapToDouble(Reason::contribution).sum(), 1e-9);
    }
}

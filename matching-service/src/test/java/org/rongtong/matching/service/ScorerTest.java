package org.rongtong.matching.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.OpenDemand;

class ScorerTest {

    private final Scorer scorer = new Scorer(TestConfig.defaults());

    private final OpenDemand demand = demand(List.of());

    static OpenDemand demand(List<String> regions) {
        OpenDemand d = new OpenDemand();
        d.id = UUID.randomUUID();
        d.version = 1;
        d.publisherId = UUID.randomUUID();
        d.field = CooperationField.PRODUCT_SUPPORTING;
        d.chain = "HOME_APPLIANCES";
        d.title = "精密注塑件配套";
        d.requiredCapabilities = List.of("精密注塑", "模具开发");
        d.regionCodes = regions;
        d.status = DemandStatus.PUBLISHED;
        d.deadline = Instant.now().plusSeconds(86_400);
        return d;
    }

    static Candidate candidate(List<String> capabilities, Willingness willingness, String region) {
        Candidate c = new Candidate();
        c.id = UUID.randomUUID();
        c.version = 1;
        c.name = "候选企业";
        c.kind = EnterpriseKind.SME;
        c.tier = "SPECIALIZED_SME";
        c.regionCode = region;
        c.chains = List.of("HOME_APPLIANCES");
        c.capabilities = capabilities;
        c.willingness = new EnumMap<>(Map.of(CooperationField.PRODUCT_SUPPORTING, willingness));
        c.active = true;
        return c;
    }

    @Test
    void aCandidateWithoutWillingnessForTheFieldIsNeverProposed() {
        assertTrue(scorer.score(demand, "370212", candidate(List.of("精密注塑", "模具开发"), Willingness.NONE, "370212")).isEmpty());
    }

    @Test
    void aCandidateOutsideTheRegionConstraintIsNeverProposed() {
        OpenDemand inShandong = demand(List.of("37"));
        assertTrue(scorer.score(inShandong, "370212", candidate(List.of("精密注塑"), Willingness.STRONG, "440300")).isEmpty());
        assertTrue(scorer.score(inShandong, "370212", candidate(List.of("精密注塑"), Willingness.STRONG, "370211")).isPresent());
    }

    @Test
    void thePublisherAndInactiveEnterprisesAreNeverProposed() {
        Candidate self = candidate(List.of("精密注塑"), Willingness.STRONG, "370212");
        self.id = demand.publisherId;
        assertTrue(scorer.score(demand, "370212", self).isEmpty());
        Candidate inactive = candidate(List.of("精密注塑"), Willingness.STRONG, "370212");
        inactive.active = false;
        assertTrue(scorer.score(demand, "370212", inactive).isEmpty());
    }

    @Test
    void moreMatchedCapabilitiesAndStrongerWillingnessRankHigher() {
        double full = scorer.score(demand, "370212", candidate(List.of("精密注塑", "模具开发"), Willingness.STRONG, "370212")).orElseThrow().score();
        double half = scorer.score(demand, "370212", candidate(List.of("注塑"), Willingness.STRONG, "370212")).orElseThrow().score();
        double open = scorer.score(demand, "370212", candidate(List.of("精密注塑", "模具开发"), Willingness.OPEN, "370212")).orElseThrow().score();
        assertTrue(full > half, full + " vs " + half);
        assertTrue(full > open, full + " vs " + open);
    }

    @Test
    void everyComponentIsExplainedAndTheContributionsAddUpToTheScore() {
        Scorer.Scored scored = scorer.score(demand, "370212", candidate(List.of("ＡＢＳ", "精密注塑"), Willingness.STRONG, "370211")).orElseThrow();
        assertEquals(List.of("capability", "text", "willingness", "chain", "region", "tier"),
                scored.reasons().stream().map(r -> r.component()).toList());
        assertEquals(scored.score(), scored.reasons().stream().mapToDouble(r -> r.contribution()).sum(), 0.001);
        assertTrue(scored.reasons().get(0).detail().contains("精密注塑"), scored.reasons().get(0).detail());
        assertTrue(scored.reasons().get(4).detail().contains("same prefecture"), scored.reasons().get(4).detail());
    }
}

package org.rongtong.matching.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.OpenDemand;

/** The hard gates, the order of fits and the explained, additive score, through the engine's one-candidate path. */
@Tag("unit")
class ScorerTest {

    /** The engine without an index: the path reverse matching takes, tags and thesaurus concepts as evidence. */
    private final MatchEngine scorer = new MatchEngine(TestConfig.defaults(), new Scorer(TestConfig.defaults()));

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
        assertEquals(List.of("capability", "text", "willingness", "chain", "region", "tier", "preferences"),
                scored.reasons().stream().map(r -> r.component()).toList());
        assertEquals(scored.score(), scored.reasons().stream().mapToDouble(r -> r.contribution()).sum(), 0.001);
        assertTrue(scored.reasons().get(0).detail().contains("精密注塑"), scored.reasons().get(0).detail());
        assertTrue(scored.reasons().get(4).detail().contains("same prefecture"), scored.reasons().get(4).detail());
    }

    @Test
    void aCandidateWithNoCapabilityEvidenceIsNotProposedHoweverWellPlaced() {
        Candidate wellPlaced = candidate(List.of("Wi-Fi模组", "蓝牙模块"), Willingness.STRONG, "370212");
        wellPlaced.tier = "LITTLE_GIANT";
        wellPlaced.description = "专注物联网通信模组研发";
        assertTrue(scorer.score(demand, "370212", wellPlaced).isEmpty(), "chain, region, tier and willingness alone");
    }

    @Test
    void structureMovesARelevantCandidateByNoMoreThanItsShare() {
        Candidate near = candidate(List.of("精密注塑", "模具开发"), Willingness.STRONG, "370212");
        near.tier = "LITTLE_GIANT";
        Candidate far = candidate(List.of("精密注塑", "模具开发"), Willingness.OPEN, "440300");
        far.tier = null;
        far.chains = List.of();
        double best = scorer.score(demand, "370212", near).orElseThrow().score();
        Scorer.Scored worstScored = scorer.score(demand, "370212", far).orElseThrow();
        double worst = worstScored.score();
        assertTrue(worst < best, worst + " vs " + best);
        assertTrue(worst >= best * (1 - TestConfig.defaults().structureShare()) - 1e-3, worst + " vs " + best);
    }

    @Test
    void theRepairerTheEquipmentMakerAndADistinctProcessOfTheAskedCapabilityAreLookalikes() {
        assertTrue(lookalike(candidate(List.of("注塑机维修", "模具维修"), Willingness.STRONG, "370212")).contains("repair"),
                "repair of the machines");
        assertTrue(lookalike(candidate(List.of("注塑机制造"), Willingness.STRONG, "370212")).contains("equipment"),
                "maker of the machines");
        assertTrue(lookalike(candidate(List.of("压铸", "模具开发"), Willingness.STRONG, "370212")).contains("different process"),
                "a neighbouring process");
        Candidate same = candidate(List.of("注塑成型", "模具设计"), Willingness.STRONG, "370212");
        assertEquals(null, scorer.relevance(demand, scorer.terms(demand), scorer.index().profileOf(same), 0).lookalike());
        assertTrue(scorer.score(demand, "370212", same).isPresent(), "the same capability in other words");
    }

    @Test
    void aDemandThatBuysTheMachinesDoesNotTakeTheirMakersForLookalikes() {
        OpenDemand machines = demand(List.of());
        machines.field = CooperationField.PROCUREMENT;
        machines.title = "注塑机采购";
        machines.requiredCapabilities = List.of("注塑机");
        Candidate maker = candidate(List.of("注塑机制造"), Willingness.STRONG, "370212");
        maker.willingness = new EnumMap<>(Map.of(CooperationField.PROCUREMENT, Willingness.STRONG));
        assertEquals(null, scorer.relevance(machines, scorer.terms(machines), scorer.index().profileOf(maker), 0).lookalike());
    }

    @Test
    void aPairScoresTheSameInTheDemandsRankingAndInReverseMatching() {
        MatchEngine indexed = new MatchEngine(TestConfig.defaults(), new Scorer(TestConfig.defaults()));
        List<Candidate> registry = List.of(
                described(candidate(List.of("精密注塑", "模具开发"), Willingness.STRONG, "370211"), "洗衣机内桶精密注塑件和大型模具开发"),
                described(candidate(List.of("注射成型"), Willingness.OPEN, "370602"), "家电结构件注射成型，服务洗衣机厂"),
                described(candidate(List.of("塑胶件加工", "模具设计"), Willingness.STRONG, "440300"), "塑胶模具设计与注塑件加工"),
                described(candidate(List.of("钣金冲压"), Willingness.STRONG, "370212"), "冰箱门板钣金冲压"));
        indexed.index().addAll(registry);
        OpenDemand d = demand(List.of());
        d.description = "寻找洗衣机内桶精密注塑件与模具开发配套企业";
        List<Scorer.Scored> ranked = indexed.rank(d, "370212");
        assertTrue(ranked.size() >= 3, ranked.toString());
        for (Scorer.Scored s : ranked) {
            double alone = indexed.score(d, "370212", s.candidate()).orElseThrow().score();
            assertEquals(s.score(), alone, 1e-9, s.candidate().capabilities.toString());
            assertTrue(s.reasons().get(1).contribution() > 0, "text similarity from BM25: " + s.reasons());
        }
    }

    private static Candidate described(Candidate c, String description) {
        c.description = description;
        return c;
    }

    private String lookalike(Candidate c) {
        String why = scorer.relevance(demand, scorer.terms(demand), scorer.index().profileOf(c), 0).lookalike();
        assertTrue(scorer.score(demand, "370212", c).isEmpty(), "a lookalike is never proposed: " + c.capabilities);
        return why == null ? "" : why.toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void aStatedMinimumTheCandidateMissesCostsItAShareAndSaysWhy() {
        OpenDemand withMinimum = demand(List.of());
        withMinimum.description = "供应商年营业收入不低于5000万元。";
        Candidate big = candidate(List.of("精密注塑", "模具开发"), Willingness.STRONG, "370212");
        big.revenue = new java.math.BigDecimal("90000000");
        Candidate small = candidate(List.of("精密注塑", "模具开发"), Willingness.STRONG, "370212");
        small.revenue = new java.math.BigDecimal("8000000");
        Scorer.Scored kept = scorer.score(withMinimum, "370212", small).orElseThrow();
        assertTrue(kept.score() < scorer.score(withMinimum, "370212", big).orElseThrow().score());
        assertTrue(kept.reasons().stream().anyMatch(r -> r.component().equals("minimum") && r.contribution() < 0
                && r.detail().contains("revenue")), kept.reasons().toString());
        assertEquals(kept.score(), kept.reasons().stream().mapToDouble(r -> r.contribution()).sum(), 0.001);
    }
}

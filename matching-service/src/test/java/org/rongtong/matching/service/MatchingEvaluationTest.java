package org.rongtong.matching.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The engine against the baselines: on the held-out part of the independent development set (never tuned on) it ranks
 * better and more precisely than BM25 with the same hard filters, finds nearly as much, with fewer hard negatives in its
 * top tens; on the first
 * labelled set it keeps every hard negative out.
 */
class MatchingEvaluationTest {

    @Test
    void onTheHeldOutDevelopmentSetTheEngineBeatsBm25WithHardFilters() throws Exception {
        MatchingEvaluation heldOut = MatchingEvaluation.load(MatchingEvaluation.DEV_SET).part(true);
        MatchingEvaluation.Metrics engine = heldOut.engine(TestConfig.defaults());
        MatchingEvaluation.Metrics bm25 = heldOut.bm25("cjk", true);
        MatchingEvaluation.Metrics tags = heldOut.tagOverlap();
        System.out.printf("engine %s%nBM25+filters %s%ntags %s%n", engine, bm25, tags);
        assertTrue(engine.ndcg10() > bm25.ndcg10(), engine + " / " + bm25);
        assertTrue(engine.precision5() > bm25.precision5(), engine + " / " + bm25);
        // recall is within two points of BM25's, not above it (docs/benchmarks.md: a window found by the 20 most telling
        // clauses misses a few fits that only share prose with the demand)
        assertTrue(engine.recall20() >= bm25.recall20() - 0.02, engine + " / " + bm25);
        assertTrue(engine.demandsWithHardNegative() < bm25.demandsWithHardNegative(), engine + " / " + bm25);
        assertTrue(engine.ndcg10() > tags.ndcg10() && engine.precision5() > tags.precision5());
    }

    @Test
    void onTheFirstSetTheEngineBeatsTheBaselinesAndKeepsHardNegativesOut() throws Exception {
        MatchingEvaluation eval = MatchingEvaluation.load();
        MatchingEvaluation.Metrics engine = eval.engine(TestConfig.defaults());
        MatchingEvaluation.Metrics bm25 = eval.bm25("cjk", true);
        MatchingEvaluation.Metrics tags = eval.tagOverlap();
        assertTrue(engine.ndcg10() > bm25.ndcg10() && engine.ndcg10() > tags.ndcg10(), engine + " / " + bm25 + " / " + tags);
        assertTrue(engine.precision5() >= bm25.precision5() && engine.precision5() >= tags.precision5());
        assertEquals(0.0, engine.hardNegativeRate(), "hard negatives in a top 10");
    }

    @Test
    void fairExposureKeepsTheLabelledSetsQualityAndHardNegativesOut() throws Exception {
        MatchingEvaluation eval = MatchingEvaluation.load();
        MatchingEvaluation.Exposure plain = eval.exposure(TestConfig.defaults(), false, 4);
        MatchingEvaluation.Exposure damped = eval.exposure(TestConfig.defaults(), true, 4);

        assertTrue(plain.quality().ndcg10() - damped.quality().ndcg10() <= 0.01, "quality cost " + damped + " vs " + plain);
        assertEquals(0.0, damped.quality().hardNegativeRate(), "hard negatives in a top 10");
    }

    @Test
    void fairExposureSpreadsTopTenAttentionOnAGeneratedProgrammeAtASmallCost() {
        MatchingBenchmark gen = new MatchingBenchmark();
        java.util.List<org.rongtong.matching.model.Candidate> registry = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            registry.add(gen.enterprise());
        }
        java.util.List<org.rongtong.matching.model.OpenDemand> demands = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            demands.add(gen.demand(registry.get(0).id));
        }
        String region = registry.get(0).regionCode;
        var plain = ExposureSimulation.run(TestConfig.defaults(), false, registry, demands, region);
        var damped = ExposureSimulation.run(TestConfig.withExposure(1, 0.08, 0.60), true, registry, demands, region);

        assertTrue(damped.gini() < plain.gini(), damped + " vs " + plain);
        assertTrue(damped.inATopTen() > plain.inATopTen(), damped + " vs " + plain);
        assertTrue(damped.meanTopTenScore() >= 0.97 * plain.meanTopTenScore(), damped + " vs " + plain);
    }
}

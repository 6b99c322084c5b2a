package org.rongtong.matching.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rongtong.matching.config.MatchingConfig;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.OpenDemand;

/**
 * Fair exposure on a generated programme, where generalist enterprises compete for many demands (the labelled set is
 * too small for that): {@code enterprises} generated profiles, {@code demands} demands ranked one after another, each
 * proposal list counting as open candidacies for the demands that follow. Prints, without and with damping, the Gini of
 * position-weighted top-10 attention over the enterprises proposed at least once, how many reached a top 10, the most
 * top-10 places one took, and the cost: how much lower the undamped score of the top 10 is than without damping.
 * Run with {@code bench/matching-eval.sh}.
 */
public final class ExposureSimulation {

    record Outcome(double gini, int inATopTen, int mostTopTens, double meanTopTenScore) {
    }

    static Outcome run(MatchingConfig config, boolean damped, List<Candidate> registry, List<OpenDemand> demands, String publisherRegion) {
        MatchEngine engine = new MatchEngine(config, new Scorer(config));
        engine.index().addAll(registry);
        Map<UUID, Integer> open = new HashMap<>();
        Map<UUID, Integer> topTens = new HashMap<>();
        Map<UUID, Double> attention = new HashMap<>();
        java.util.Set<UUID> proposed = new java.util.HashSet<>();
        double scoreSum = 0;
        int places = 0;
        for (OpenDemand d : demands) {
            List<Scorer.Scored> candidates = engine.candidates(d, publisherRegion);
            Map<UUID, Double> undamped = new HashMap<>();
            candidates.forEach(s -> undamped.put(s.candidate().id, s.score()));
            List<Scorer.Scored> ranked = engine.select(candidates, damped ? open : Map.of());
            for (int i = 0; i < ranked.size(); i++) {
                UUID id = ranked.get(i).candidate().id;
                open.merge(id, 1, Integer::sum);
                proposed.add(id);
                if (i < 10) {
                    topTens.merge(id, 1, Integer::sum);
                    attention.merge(id, 1 / (Math.log(i + 2) / Math.log(2)), Double::sum);
                    scoreSum += undamped.get(id);
                    places++;
                }
            }
        }
        double[] shares = proposed.stream().mapToDouble(id -> attention.getOrDefault(id, 0.0)).toArray();
        return new Outcome(MatchingEvaluation.gini(shares), topTens.size(), topTens.values().stream().max(Integer::compare).orElse(0),
                places == 0 ? 0 : scoreSum / places);
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int demandCount = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        MatchingBenchmark gen = new MatchingBenchmark();
        List<Candidate> registry = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            registry.add(gen.enterprise());
        }
        List<OpenDemand> demands = new ArrayList<>();
        for (int i = 0; i < demandCount; i++) {
            demands.add(gen.demand(registry.get(0).id));
        }
        String region = registry.get(0).regionCode;
        System.out.printf("generated programme: %,d enterprises, %d demands ranked in turn (top 50 proposed each)%n", n, demandCount);
        Outcome plain = run(TestConfig.defaults(), false, registry, demands, region);
        print("without damping", plain, plain);
        print("default rule (3, .04, .80)", run(TestConfig.defaults(), true, registry, demands, region), plain);
        print("stronger (1, .08, .60)", run(TestConfig.withExposure(1, 0.08, 0.60), true, registry, demands, region), plain);
    }

    private static void print(String name, Outcome o, Outcome plain) {
        System.out.printf("  %-26s Gini %.3f  in a top 10: %,d  most top-10 places of one: %d  mean undamped top-10 score %.4f (%+.2f%%)%n",
                name, o.gini(), o.inATopTen(), o.mostTopTens(), o.meanTopTenScore(),
                100 * (o.meanTopTenScore() / plain.meanTopTenScore() - 1));
    }
}

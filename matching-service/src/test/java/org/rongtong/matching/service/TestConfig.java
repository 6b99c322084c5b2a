package org.rongtong.matching.service;

import org.rongtong.matching.config.MatchingConfig;

/** The configuration defaults of application.properties, for tests, the evaluation and the benchmark. */
public final class TestConfig {

    private TestConfig() {
    }

    public static MatchingConfig defaults() {
        return of("cjk", 0.35, 50);
    }

    public static MatchingConfig of(String analyzer, double minimumScore, int maxCandidates) {
        return of(analyzer, minimumScore, maxCandidates, 0.32, 0.18, 0.20, 0.12, 0.10, 0.08);
    }

    public static MatchingConfig of(String analyzer, double minimumScore, int maxCandidates, double capability, double text,
            double willingness, double chain, double region, double tier) {
        return of(analyzer, minimumScore, maxCandidates, capability, text, willingness, chain, region, tier, 3, 0.04, 0.80);
    }

    /** With an exposure rule: {@code free} open candidacies undamped, then {@code step} per extra one, down to {@code floor}. */
    public static MatchingConfig withExposure(int free, double step, double floor) {
        return of("cjk", 0.35, 50, 0.32, 0.18, 0.20, 0.12, 0.10, 0.08, free, step, floor);
    }

    static MatchingConfig of(String analyzer, double minimumScore, int maxCandidates, double capability, double text,
            double willingness, double chain, double region, double tier, int free, double step, double floor) {
        return new MatchingConfig() {
            public Weights weights() {
                return new Weights() {
                    public double capability() { return capability; }
                    public double text() { return text; }
                    public double willingness() { return willingness; }
                    public double chain() { return chain; }
                    public double region() { return region; }
                    public double tier() { return tier; }
                };
            }

            public double minimumScore() { return minimumScore; }

            public int maxCandidates() { return maxCandidates; }

            public String analyzer() { return analyzer; }

            public int rerankWindow() { return 150; }

            public Exposure exposure() {
                return new Exposure() {
                    public int free() { return free; }
                    public double step() { return step; }
                    public double floor() { return floor; }
                };
            }
        };
    }
}

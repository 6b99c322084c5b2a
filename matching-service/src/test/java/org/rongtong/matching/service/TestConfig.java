package org.rongtong.matching.service;

import java.util.List;
import java.util.Optional;

import org.rongtong.matching.config.MatchingConfig;

/**
 * The configuration defaults of application.properties, for tests, the evaluation and the benchmark; each setting can
 * be changed on a copy ({@code TestConfig.settings().text(0).config()}).
 */
public final class TestConfig {

    String analyzer = "cjk";
    double minimumRelevance = 0.1;
    double structureShare = 0.2;
    double belowMinimumPenalty = 0.5;
    int maxCandidates = 50;
    int rerankWindow = 200;
    double capability = 0.5;
    double text = 0.5;
    double willingness = 0.30;
    double chain = 0.20;
    double region = 0.20;
    double tier = 0.15;
    double preferences = 0.15;
    int free = 3;
    double step = 0.04;
    double floor = 0.80;

    public static MatchingConfig defaults() {
        return settings().config();
    }

    public static TestConfig settings() {
        return new TestConfig();
    }

    /** With an exposure rule: {@code free} open candidacies undamped, then {@code step} per extra one, down to {@code floor}. */
    public static MatchingConfig withExposure(int free, double step, double floor) {
        TestConfig t = settings();
        t.free = free;
        t.step = step;
        t.floor = floor;
        return t.config();
    }

    public TestConfig analyzer(String value) { analyzer = value; return this; }
    public TestConfig minimumRelevance(double value) { minimumRelevance = value; return this; }
    public TestConfig structureShare(double value) { structureShare = value; return this; }
    public TestConfig rerankWindow(int value) { rerankWindow = value; return this; }
    public TestConfig belowMinimumPenalty(double value) { belowMinimumPenalty = value; return this; }
    public TestConfig capability(double value) { capability = value; return this; }
    public TestConfig text(double value) { text = value; return this; }
    public TestConfig willingness(double value) { willingness = value; return this; }
    public TestConfig chain(double value) { chain = value; return this; }
    public TestConfig region(double value) { region = value; return this; }
    public TestConfig tier(double value) { tier = value; return this; }
    public TestConfig preferences(double value) { preferences = value; return this; }

    public MatchingConfig config() {
        TestConfig t = this;
        MatchingConfig.Weights weights = new MatchingConfig.Weights() {
            public double capability() { return t.capability; }
            public double text() { return t.text; }
            public double willingness() { return t.willingness; }
            public double chain() { return t.chain; }
            public double region() { return t.region; }
            public double tier() { return t.tier; }
            public double preferences() { return t.preferences; }
        };
        MatchingConfig.Exposure exposure = new MatchingConfig.Exposure() {
            public int free() { return t.free; }
            public double step() { return t.step; }
            public double floor() { return t.floor; }
        };
        return new MatchingConfig() {
            public Weights weights() { return weights; }
            public double minimumRelevance() { return t.minimumRelevance; }
            public double structureShare() { return t.structureShare; }
            public double belowMinimumPenalty() { return t.belowMinimumPenalty; }
            public int maxCandidates() { return t.maxCandidates; }
            public java.time.Duration deltaWindow() { return java.time.Duration.ofMillis(500); }
            public String analyzer() { return t.analyzer; }
            public int rerankWindow() { return t.rerankWindow; }
            public Optional<List<String>> thesaurusFiles() { return Optional.empty(); }
            public Exposure exposure() { return exposure; }
        };
    }
}

package org.rongtong.matching.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The matching engine's settings (ADR 0011 explains the score they shape). */
@ConfigMapping(prefix = "rongtong.matching")
public interface MatchingConfig {

    Weights weights();

    /** Candidates whose relevance (capability and text evidence, in [0, 1]) is below this are not proposed. */
    @WithDefault("0.1")
    double minimumRelevance();

    /** The most that willingness, chain, region, tier and preferences together can move a relevant candidate's score. */
    @WithDefault("0.2")
    double structureShare();

    /** Share of its score a candidate loses for missing a minimum the demand states (employees, revenue). */
    @WithDefault("0.5")
    double belowMinimumPenalty();

    /** At most this many candidates are proposed for one demand. */
    @WithDefault("50")
    int maxCandidates();

    /**
     * How long reverse matching's changes to a demand's list gather before they go out as one
     * demand.candidates-changed event (ADR 0022).
     */
    @WithDefault("500ms")
    java.time.Duration deltaWindow();

    /** Chinese analysis of the index: {@code cjk} (bigrams) or {@code smartcn} (dictionary words); see ADR 0006. */
    @WithDefault("cjk")
    String analyzer();

    /** How many index hits are re-scored with the full reciprocal score. */
    @WithDefault("200")
    int rerankWindow();

    /** Operators' thesaurus files (same format as matching/thesaurus.tsv), read after the shipped one. */
    Optional<List<String>> thesaurusFiles();

    /** Fair exposure (ADR 0008): how an enterprise already proposed for many open demands is damped. */
    Exposure exposure();

    interface Exposure {
        /** Open demands an enterprise may be a live candidate for before its score is damped at all. */
        @WithDefault("3")
        int free();

        /** Share of its score an enterprise loses for each open demand beyond the free ones. */
        @WithDefault("0.04")
        double step();

        /** The damping never takes more than this share away: a strong fit stays visible. */
        @WithDefault("0.80")
        double floor();
    }

    /**
     * Relevance is capability and text, in proportion to their weights; structure is the rest, in proportion to theirs,
     * within {@link #structureShare()}.
     */
    interface Weights {
        /** Required capabilities met by tags or thesaurus concepts. */
        @WithDefault("0.5")
        double capability();

        /** BM25 text similarity of the whole demand against the profile (ADR 0011). */
        @WithDefault("0.5")
        double text();

        @WithDefault("0.30")
        double willingness();

        @WithDefault("0.20")
        double chain();

        @WithDefault("0.20")
        double region();

        @WithDefault("0.15")
        double tier();

        @WithDefault("0.15")
        double preferences();
    }
}

package org.rongtong.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rongtong.matching")
public interface MatchingConfig {

    Weights weights();

    /** Candidates below this share of a perfect score are not proposed. */
    @WithDefault("0.35")
    double minimumScore();

    /** At most this many candidates are proposed for one demand. */
    @WithDefault("50")
    int maxCandidates();

    /** Chinese analysis of the index: {@code cjk} (bigrams) or {@code smartcn} (dictionary words); see ADR 0006. */
    @WithDefault("cjk")
    String analyzer();

    /** How many index hits are re-scored with the full reciprocal score. */
    @WithDefault("150")
    int rerankWindow();

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

    interface Weights {
        @WithDefault("0.32")
        double capability();

        /** idf-weighted share of the demand's terms found in the profile's fields. */
        @WithDefault("0.18")
        double text();

        @WithDefault("0.20")
        double willingness();

        @WithDefault("0.12")
        double chain();

        @WithDefault("0.10")
        double region();

        @WithDefault("0.08")
        double tier();
    }
}

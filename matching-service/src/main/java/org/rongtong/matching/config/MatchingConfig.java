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

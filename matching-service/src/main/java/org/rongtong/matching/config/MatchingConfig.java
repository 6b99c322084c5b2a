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

    interface Weights {
        @WithDefault("0.40")
        double capability();

        @WithDefault("0.25")
        double willingness();

        @WithDefault("0.15")
        double chain();

        @WithDefault("0.12")
        double region();

        @WithDefault("0.08")
        double tier();
    }
}

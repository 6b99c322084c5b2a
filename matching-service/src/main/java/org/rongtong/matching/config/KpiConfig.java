package org.rongtong.matching.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The programme's targets (design §2), per province and per prefecture, and the chains file the KPIs count against. */
@ConfigMapping(prefix = "rongtong.kpis")
public interface KpiConfig {

    /** The same chains file registry-service reads ({@code rongtong.reference.chains-file}); the bundled sample set when empty. */
    @io.smallrye.config.WithName("chains-file")
    Optional<String> chainsFile();

    Targets province();

    Targets prefecture();

    interface Targets {
        /** Share of the province's flagship chains covered by a session held or a cooperation reached. */
        @WithDefault("1.0")
        double flagshipChainCoverage();

        @WithDefault("200")
        int cooperatingSmes();

        @WithDefault("50")
        int sessionsPerYear();

        @WithDefault("0.5")
        double participationRate();
    }
}

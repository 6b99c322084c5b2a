package org.rongtong.demand.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The expiry job that every replica runs (see ExpiryJob and DemandExpiry). */
@ConfigMapping(prefix = "rongtong.demand.expiry")
public interface ExpiryConfig {

    /** Run the job in this process. */
    @WithDefault("true")
    boolean enabled();

    /** Time between two rounds. */
    @WithDefault("60s")
    Duration every();

    /** Time from start to the first round. */
    @WithDefault("10s")
    Duration delay();

    /** Demands expired per transaction: small batches keep row locks short, so replicas share the work. */
    @WithDefault("50")
    int batchSize();
}

package org.rongtong.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rongtong.outbox")
public interface OutboxRelayConfig {

    /** Run the relay in this process. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Rows published per round trip (at most: a round takes what waits). 2,000 lets the relay keep pace with a bulk
     * import of 100,000 enterprises on two cores; at 500 it ended two seconds behind (ADR 0013, Measurements).
     */
    @WithDefault("2000")
    int batchSize();

    /** Longest wait for a NOTIFY before looking at the table anyway (covers missed notifications). */
    @WithDefault("1s")
    Duration pollInterval();

    /** First wait after a failure; doubles up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();

    /** How long the broker may take to acknowledge one batch before it counts as a failure. */
    @WithDefault("15s")
    Duration deliveryTimeout();
}

package org.rongtong.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The live stream (/api/v1/stream). */
@ConfigMapping(prefix = "rongtong.stream")
public interface StreamConfig {

    /** Streams one owner may hold open on one replica at a time; one more is refused with 429. */
    @WithDefault("5")
    int maxOpenPerOwner();
}

package org.rongtong.notification.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Where the bureau dashboard (served here, under /dashboard/) finds the other services' APIs. Unset means the same
 * origin as the page: a deployment routes /api/v1/* of every service through one ingress host. The local stack, whose
 * services listen on separate ports, sets them and opens CORS on the three services to this origin only
 * (docs/adr/0027-bureau-dashboard-and-exports.md).
 */
@ConfigMapping(prefix = "rongtong.dashboard")
public interface DashboardConfig {

    Optional<String> registryUrl();

    Optional<String> demandUrl();

    Optional<String> matchingUrl();
}

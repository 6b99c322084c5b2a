package org.rongtong.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * What the relay did, as a detail of /q/health/ready: always UP. A failed round (the broker or the database away for a
 * moment) is retried with backoff and the events wait safely in the outbox, so taking the replica out of the load
 * balancer would help nobody; the backlog gauges tell whether it lasts (docs/metrics.md). The details: {@code enabled},
 * {@code published} (events this process published) and, while the last round failed, {@code lastError}.
 */
@Readiness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {

    private final OutboxRelayConfig config;
    private final RelayStatus status;

    public OutboxRelayHealth(OutboxRelayConfig config, RelayStatus status) {
        this.config = config;
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay").up().withData("enabled", config.enabled());
        if (config.enabled()) {
            response.withData("published", status.published());
            String error = status.lastError();
            if (error != null) {
                response.withData("lastError", error);
            }
        }
        return response.build();
    }
}

package org.rongtong.registry.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.rongtong.events.EventTypes;
import org.rongtong.outbox.OutboxPublished;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * registry-service's business metrics (docs/metrics.md), counted from the events that left the outbox: a registration
 * counts once its transaction committed, whether it came one by one or from a bulk import.
 */
@Startup
@ApplicationScoped
public class RegistryMetrics {

    public static final String REGISTERED = "rongtong.enterprises.registered";

    private final Counter registered;

    public RegistryMetrics(MeterRegistry registry) {
        registered = Counter.builder(REGISTERED).description("Enterprises registered (one by one or imported)").register(registry);
    }

    void onPublished(@Observes OutboxPublished round) {
        registered.increment(round.count(EventTypes.ENTERPRISE_REGISTERED));
    }
}

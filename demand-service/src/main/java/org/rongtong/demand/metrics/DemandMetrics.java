package org.rongtong.demand.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.rongtong.events.EventTypes;
import org.rongtong.outbox.OutboxPublished;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * demand-service's business metrics (docs/metrics.md), counted from the events that left the outbox: a demand or a
 * proposal counts once its transaction committed, never for a rolled-back write or an idempotent replay.
 */
@Startup
@ApplicationScoped
public class DemandMetrics {

    public static final String PUBLISHED = "rongtong.demands.published";
    public static final String PROPOSALS = "rongtong.proposals.submitted";

    private final Counter published;
    private final Counter proposals;

    public DemandMetrics(MeterRegistry registry) {
        published = Counter.builder(PUBLISHED).description("Demands published (one by one or in a batch)").register(registry);
        proposals = Counter.builder(PROPOSALS).description("Proposals enterprises submitted to demands").register(registry);
    }

    void onPublished(@Observes OutboxPublished round) {
        published.increment(round.count(EventTypes.DEMAND_PUBLISHED));
        proposals.increment(round.count(EventTypes.PROPOSAL_SUBMITTED));
    }
}

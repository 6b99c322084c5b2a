package org.rongtong.matching.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventTypes;
import org.rongtong.events.ProposalSnapshot;
import org.rongtong.events.SessionSnapshot;
import org.rongtong.matching.config.IndexLoader;
import org.rongtong.matching.metrics.MatchingMetrics;
import org.rongtong.matching.service.KpiService;
import org.rongtong.matching.service.MatchLifecycle;
import org.rongtong.matching.service.Projection;
import org.rongtong.messaging.EventRetry;

import io.smallrye.mutiny.Uni;

/**
 * The enterprise and demand events that matching-service keeps its projections and matches from. Each waits until the
 * index is built (IndexLoader), then is handled with the retries of docs/adr/0012-retries-dead-letters-retention.md.
 * Candidates proposed are counted here, after the handling transaction committed (a retried attempt counts once).
 */
@ApplicationScoped
public class IncomingEvents {

    private final Projection projection;
    private final MatchLifecycle lifecycle;
    private final KpiService kpis;
    private final IndexLoader index;
    private final MatchingMetrics metrics;

    public IncomingEvents(Projection projection, MatchLifecycle lifecycle, KpiService kpis, IndexLoader index, MatchingMetrics metrics) {
        this.projection = projection;
        this.lifecycle = lifecycle;
        this.kpis = kpis;
        this.index = index;
        this.metrics = metrics;
    }

    /** The shared group: the projection and reverse matching, once per event (this replica's index has its own consumer, IndexFeed). */
    @Incoming("enterprises")
    public Uni<Void> onEnterpriseEvent(ConsumerRecord<String, String> record) {
        // the wait for this replica's index is inside the retries: running out of patience retries, never parks
        return index.indexed().chain(() -> EventRetry.handleEvent(record, EventTypes.ENTERPRISE_TYPES, EnterpriseSnapshot.class,
                (event, snapshot) -> projection.indexHasRead(record)
                        .chain(() -> projection.enterprise(record, snapshot)).invoke(metrics::candidatesProposed).replaceWithVoid()));
    }

    @Incoming("demands")
    public Uni<Void> onDemandEvent(ConsumerRecord<String, String> record) {
        return index.indexed().chain(() -> EventRetry.handleEvent(record, EventTypes.DEMAND_TYPES, DemandSnapshot.class,
                (event, snapshot) -> projection.demand(record, snapshot).invoke(metrics::candidatesProposed).replaceWithVoid()));
    }

    /** A proposal counts as interest in the match of its proposer and demand. */
    @Incoming("proposals")
    public Uni<Void> onProposalEvent(ConsumerRecord<String, String> record) {
        return index.indexed().chain(() -> EventRetry.handleEvent(record, EventTypes.PROPOSAL_TYPES, ProposalSnapshot.class,
                (event, proposal) -> lifecycle.onProposal(proposal)));
    }

    /** Sessions held count towards the programme KPIs. */
    @Incoming("sessions")
    public Uni<Void> onSessionEvent(ConsumerRecord<String, String> record) {
        return index.indexed().chain(() -> EventRetry.handleEvent(record, EventTypes.SESSION_TYPES, SessionSnapshot.class, (event, session) -> kpis.onSession(session)));
    }
}

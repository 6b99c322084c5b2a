package org.rongtong.matching.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
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
import org.rongtong.messaging.CloudEvent;
import org.rongtong.messaging.BatchConsumer;
import org.rongtong.messaging.DeadLetters;
import org.rongtong.messaging.EventRetry;
import org.rongtong.outbox.TraceContext;

import io.smallrye.mutiny.Uni;

/**
 * The enterprise and demand events that matching-service keeps its projections and matches from. Each waits until the
 * index is built (IndexLoader), then is handled with the retries of docs/adr/0012-retries-dead-letters-retention.md.
 * Candidates proposed are counted here, after the handling transaction committed (a retried attempt counts once).
 */
@ApplicationScoped
public class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    private final Projection projection;
    private final MatchLifecycle lifecycle;
    private final KpiService kpis;
    private final IndexLoader index;
    private final MatchingMetrics metrics;
    private final BatchConsumer<Projection.DemandEvent> demands;

    public IncomingEvents(Projection projection, MatchLifecycle lifecycle, KpiService kpis, IndexLoader index, MatchingMetrics metrics,
            @Channel("demands-dlq") Emitter<String> deadLetters) {
        this.projection = projection;
        this.lifecycle = lifecycle;
        this.kpis = kpis;
        this.index = index;
        this.metrics = metrics;
        this.demands = new BatchConsumer<>("demand event(s)", deadLetters, IncomingEvents::demandEvent,
                batch -> projection.demands(batch).invoke(metrics::candidatesProposed).replaceWithVoid(),
                event -> projection.demand(event).invoke(metrics::candidatesProposed).replaceWithVoid());
    }

    /**
     * The shared group: a poll's worth of enterprise events, reverse-matched together (ADR 0022) in one transaction,
     * once this replica's index holds the profiles they carry (ADR 0023 as amended by
     * docs/adr/0029-matching-keeps-pace.md: put there by this consumer, not awaited from the replica's own). Transient
     * failures are retried; a batch that fails for another reason is gone through record by record, each with its
     * retries; a record that still fails fails the batch, which the channel's dead-letter strategy then parks.
     */
    @Incoming("enterprises")
    public Uni<Void> onEnterpriseEvents(ConsumerRecords<String, String> records) {
        return index.indexed().chain(() -> {
            List<Projection.Event> batch = new ArrayList<>();
            boolean any = false;
            for (ConsumerRecord<String, String> record : records) {
                EnterpriseSnapshot snapshot = null;
                try {
                    snapshot = IndexFeed.snapshotOf(record);
                    any |= snapshot != null;
                } catch (RuntimeException poison) {
                    DeadLetters.counted(record.topic());
                    LOG.warnf("Skipping unreadable %s: %s", EventRetry.describe(record), poison.getMessage());
                }
                batch.add(new Projection.Event(record, snapshot));
            }
            if (!any) {
                return Uni.createFrom().voidItem();
            }
            return EventRetry.handleBatch("batch of " + batch.size() + " enterprise event(s)", () -> handled(batch))
                    .onFailure().recoverWithUni(failure -> oneByOne(records));
        });
    }

    private Uni<Void> handled(List<Projection.Event> events) {
        return projection.intoIndex(events).chain(() -> projection.enterprises(events)).invoke(metrics::candidatesProposed).replaceWithVoid();
    }

    private Uni<Void> oneByOne(ConsumerRecords<String, String> records) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ConsumerRecord<String, String> record : records) {
            chain = chain.chain(() -> EventRetry.handleEvent(record, EventTypes.ENTERPRISE_TYPES, EnterpriseSnapshot.class,
                    (event, snapshot) -> handled(List.of(new Projection.Event(record, snapshot)))));
        }
        return chain;
    }

    /**
     * A poll's demand events, ranked in one transaction (docs/adr/0034-matching-memory-and-batched-ranking.md): when
     * demands arrive faster than they are ranked, a poll holds several and they share the transaction's fixed costs; when
     * matching keeps up, a poll holds one. An unreadable record is parked at once; a batch that fails for another reason
     * is gone through record by record, with the retries of EventRetry, and only the record that still fails is parked.
     */
    @Incoming("demands")
    public Uni<Void> onDemandEvents(ConsumerRecords<String, String> records) {
        return index.indexed().chain(() -> demands.consume(records));
    }

    /** The demand a record carries, with its trace (null: another type, or values this service does not know yet). */
    private static Projection.DemandEvent demandEvent(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.of(record);
        if (!EventTypes.DEMAND_TYPES.contains(event.type())) {
            return null;
        }
        TraceContext trace = TraceContext.of(event.traceparent(), event.tracestate());
        return event.dataAs(DemandSnapshot.class).map(snapshot -> new Projection.DemandEvent(record, snapshot, trace)).orElse(null);
    }

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

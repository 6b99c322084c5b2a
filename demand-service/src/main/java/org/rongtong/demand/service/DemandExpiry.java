package org.rongtong.demand.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.demand.config.ExpiryConfig;
import org.rongtong.demand.model.Demand;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.outbox.Outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Expires published demands past their deadline, each exactly once with its event, however many replicas run it at
 * the same time: each batch locks its rows with {@code FOR UPDATE SKIP LOCKED}, so a second worker skips the rows the
 * first one holds instead of waiting for them or expiring them again, and moves on to others.
 */
@ApplicationScoped
public class DemandExpiry {

    private static final String LOCK_DUE = """
            SELECT d.* FROM demand d
            WHERE d.status = 'PUBLISHED' AND d.deadline <= :now
            ORDER BY d.deadline, d.id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED""";

    private final Outbox outbox;
    private final ExpiryConfig config;
    private final LooseEnds looseEnds;

    public DemandExpiry(Outbox outbox, ExpiryConfig config, LooseEnds looseEnds) {
        this.outbox = outbox;
        this.config = config;
        this.looseEnds = looseEnds;
    }

    /** Expires every demand due at {@code now}, one transaction per batch; answers the ids this worker expired. */
    public Uni<List<UUID>> expireDue(Instant now) {
        return expireRemaining(now, new ArrayList<>());
    }

    private Uni<List<UUID>> expireRemaining(Instant now, List<UUID> expired) {
        return Panache.withTransaction(() -> expireBatch(now)).chain(batch -> {
            expired.addAll(batch);
            // a short batch means nothing due is left that another worker does not hold
            return batch.size() < config.batchSize() ? Uni.createFrom().item(expired) : expireRemaining(now, expired);
        });
    }

    private Uni<List<UUID>> expireBatch(Instant now) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(LOCK_DUE, Demand.class)
                        .setParameter("now", now).setParameter("limit", config.batchSize()).getResultList())
                .chain(due -> {
                    Instant changedAt = Instant.now();
                    for (Demand demand : due) {
                        demand.status = DemandStatus.EXPIRED;
                        demand.updatedAt = changedAt;
                    }
                    Uni<Void> done = Panache.flush();
                    for (Demand demand : due) {
                        done = done.chain(() -> outbox.append(Topics.DEMANDS, EventTypes.DEMAND_EXPIRED, EventSources.DEMAND, demand.id,
                                DemandMapper.toSnapshot(demand)).replaceWithVoid())
                                // its open proposals close with it, in the same transaction
                                .chain(() -> looseEnds.demandEnded(demand));
                    }
                    return done.replaceWith(() -> due.stream().map(d -> d.id).toList());
                });
    }
}

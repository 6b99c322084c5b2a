package org.rongtong.matching.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.rongtong.events.DemandCandidatesChanged;
import org.rongtong.events.DemandMatched;
import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.matching.config.MatchingConfig;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.Match;
import org.rongtong.matching.model.MatchDelta;
import org.rongtong.matching.model.OpenDemand;
import org.rongtong.outbox.Outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Publishes reverse matching's changes to candidate lists (ADR 0022): every {@code rongtong.matching.delta-window},
 * the pending {@link MatchDelta} rows are taken (FOR UPDATE SKIP LOCKED: replicas share them), and each demand's become
 * one demand.candidates-changed event through the outbox, in the same transaction that deletes them. A candidate added
 * and displaced within one window is in neither list. The whole list stays on GET /api/v1/demands/{id}/matches.
 */
@ApplicationScoped
public class DeltaPublisher {

    private static final Logger LOG = Logger.getLogger(DeltaPublisher.class);
    /** Rows taken per round; more wait for the next round, which follows at once. */
    static final int ROUND = 5_000;

    private final Outbox outbox;
    private final MatchEngine engine;
    private final MatchingConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;
    private volatile boolean stopping;

    public DeltaPublisher(Outbox outbox, MatchEngine engine, MatchingConfig config, Vertx vertx) {
        this.outbox = outbox;
        this.engine = engine;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent start) {
        timer = vertx.setPeriodic(Math.max(10, config.deltaWindow().toMillis()), id -> tick());
    }

    /** On shutdown, before the database pool closes: no new round, and a round cut short by the closing pool is no fault. */
    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
        stop();
    }

    @PreDestroy
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void tick() {
        if (stopping || !running.compareAndSet(false, true)) {
            return; // stopping, or the previous round is still publishing
        }
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> flush().subscribe().with(n -> running.set(false), failure -> {
            running.set(false);
            if (stopping) {
                // the rows stay in match_delta for the next start or another replica
                LOG.debugf("Publishing candidate-list deltas cut short by shutdown: %s", String.valueOf(failure.getMessage()));
                return;
            }
            LOG.warnf("Publishing candidate-list deltas failed (retried next round): %s", String.valueOf(failure.getMessage()));
        }));
    }

    /** One round; the item is the number of events appended to the outbox. */
    public Uni<Integer> flush() {
        return Panache.withTransaction(() -> MatchDelta.getSession().chain(session -> session.createNativeQuery(
                        "SELECT * FROM match_delta ORDER BY created_at, id LIMIT " + ROUND + " FOR UPDATE SKIP LOCKED", MatchDelta.class)
                .getResultList())
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(0) : publish(rows)));
    }

    private Uni<Integer> publish(List<MatchDelta> rows) {
        Map<UUID, List<MatchDelta>> byDemand = new LinkedHashMap<>();
        rows.forEach(r -> byDemand.computeIfAbsent(r.demandId, k -> new ArrayList<>()).add(r));
        Set<UUID> added = new HashSet<>();
        Set<UUID> displaced = new HashSet<>();
        rows.forEach(r -> (r.added ? added : displaced).add(r.matchId));
        Set<UUID> both = new HashSet<>(added);
        both.retainAll(displaced);
        added.removeAll(both);
        List<UUID> ids = rows.stream().map(r -> r.id).toList();
        return MatchDelta.delete("id in ?1", ids).chain(() -> current(added))
                .chain(matches -> OpenDemand.<OpenDemand>list("id in ?1", byDemand.keySet()).chain(demands -> {
                    Instant now = Instant.now();
                    List<Outbox.Pending> events = new ArrayList<>();
                    for (OpenDemand demand : demands) {
                        List<DemandMatched.Candidate> in = new ArrayList<>();
                        List<DemandCandidatesChanged.Displaced> out = new ArrayList<>();
                        for (MatchDelta d : byDemand.get(demand.id)) {
                            if (both.contains(d.matchId)) {
                                continue;
                            }
                            if (!d.added) {
                                out.add(new DemandCandidatesChanged.Displaced(d.matchId, d.enterpriseId, d.regionCode));
                            } else if (matches.containsKey(d.matchId)) {
                                Object[] m = matches.get(d.matchId);
                                @SuppressWarnings("unchecked")
                                List<DemandMatched.Reason> reasons = (List<DemandMatched.Reason>) m[4];
                                in.add(new DemandMatched.Candidate(d.matchId, d.enterpriseId, (String) m[1], ((Number) m[2]).intValue(),
                                        ((Number) m[3]).doubleValue(), reasons, d.regionCode));
                            }
                        }
                        if (in.isEmpty() && out.isEmpty()) {
                            continue;
                        }
                        in.sort(Comparator.comparingInt(DemandMatched.Candidate::rank));
                        Candidate publisher = engine.index().profile(demand.publisherId);
                        String publisherRegion = publisher == null ? null : publisher.regionCode;
                        events.add(new Outbox.Pending(Topics.MATCHES, EventTypes.DEMAND_CANDIDATES_CHANGED, EventSources.MATCHING,
                                demand.id, new DemandCandidatesChanged(demand.id, demand.version, demand.publisherId, demand.field,
                                        demand.chain, demand.title, MatchMapper.regionOf(demand, publisherRegion), in, out, now,
                                        publisherRegion)));
                    }
                    return events.isEmpty() ? Uni.createFrom().item(0) : outbox.appendAll(events).replaceWith(events.size());
                }));
    }

    /** The added matches as they stand now (rank after later additions), as plain rows: id → name, rank, score, reasons. */
    private static Uni<Map<UUID, Object[]>> current(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Match.getSession().chain(session -> session.createSelectionQuery(
                        "select m.id, m.enterpriseName, m.rank, m.score, m.reasons from Match m where m.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList())
                .map(rows -> {
                    Map<UUID, Object[]> byId = new HashMap<>();
                    rows.forEach(r -> byId.put((UUID) r[0], r));
                    return byId;
                });
    }
}

package org.rongtong.matching.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.Topics;
import org.rongtong.outbox.TraceContext;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The shared consumer group's work on enterprise and demand events (once per event, whichever replica has the
 * partition), each in one transaction with the projection's watermark (docs/adr/0023-replicas-that-agree.md).
 * <ul>
 * <li>A batch of enterprise events is handled once this replica's index holds the profiles it carries (put there first,
 * {@link #intoIndex}), under the ranking lock (one take per batch), with the demand board refreshed from the committed
 * demands first, since other replicas rank demands too (ADR 0022).</li>
 * <li>A demand is ranked only once this replica's index holds every enterprise the projection has applied: read
 * under the ranking lock, so an enterprise whose reverse matching ran before this demand was ranked (and so skipped
 * it) is in the index the ranking reads. Without it a replica whose index lags would lose that fit.</li>
 * </ul>
 */
@ApplicationScoped
public class Projection {

    private final MatchingService matching;
    private final DemandBoard board;
    private final Watermarks watermarks;
    private final IndexProgress progress;
    private final ReplicaIndex replicaIndex;
    private final Duration patience;

    public Projection(MatchingService matching, DemandBoard board, Watermarks watermarks, IndexProgress progress, ReplicaIndex replicaIndex,
            @ConfigProperty(name = "rongtong.replica.index-patience", defaultValue = "30s") Duration patience) {
        this.matching = matching;
        this.board = board;
        this.watermarks = watermarks;
        this.progress = progress;
        this.replicaIndex = replicaIndex;
        this.patience = patience;
    }

    /** A record of the enterprise topic and the enterprise it carries (null: another type, or unreadable). */
    public record Event(ConsumerRecord<?, ?> record, EnterpriseSnapshot snapshot) {
    }

    /**
     * Puts the profiles the events carry into this replica's index (an older version than it holds changes nothing;
     * its own consumer skips them when it gets there), on a worker thread, completing back on the caller's context.
     * Reverse matching then scores exactly these profiles, whichever partition the replica's own consumer is reading:
     * waiting for it to reach the batch (ADR 0023 as first written) stalled the batch for as long as that consumer read
     * other partitions first (docs/adr/0029-matching-keeps-pace.md). Before the transaction: it holds no connection.
     */
    public Uni<Void> intoIndex(List<Event> events) {
        List<EnterpriseSnapshot> snapshots = events.stream().map(Event::snapshot).filter(Objects::nonNull).toList();
        if (snapshots.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        if (context == null) {
            replicaIndex.put(snapshots);
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(() -> context.<Void>executeBlocking(() -> {
            replicaIndex.put(snapshots);
            return null;
        }, false).toCompletionStage());
    }

    /**
     * Enterprise events in one transaction: the ranking lock, the board as committed, the projection rows, the
     * watermark past every record, then reverse matching. The item is the number of candidates proposed.
     */
    @WithTransaction
    public Uni<Integer> enterprises(List<Event> events) {
        Uni<Void> marked = MatchingService.rankingLock().chain(board::refresh);
        for (ConsumerRecord<?, ?> last : lastPerPartition(events.stream().map(Event::record).toList()).values()) {
            marked = marked.chain(() -> watermarks.advance(last));
        }
        List<EnterpriseSnapshot> snapshots = events.stream().map(Event::snapshot).filter(Objects::nonNull).toList();
        return marked.chain(() -> snapshots.isEmpty() ? Uni.createFrom().item(0) : matching.onEnterprises(snapshots));
    }

    private static Map<Integer, ConsumerRecord<?, ?>> lastPerPartition(Iterable<? extends ConsumerRecord<?, ?>> records) {
        Map<Integer, ConsumerRecord<?, ?>> last = new HashMap<>();
        for (ConsumerRecord<?, ?> r : records) {
            last.merge(r.partition(), r, (a, b) -> b.offset() > a.offset() ? b : a);
        }
        return last;
    }

    /**
     * A record of the demand topic, the demand it carries and its trace (read from the record: in a batch, no record's
     * trace is current, and the candidate list's event continues the demand's own).
     */
    public record DemandEvent(ConsumerRecord<?, ?> record, DemandSnapshot snapshot, TraceContext trace) {
    }

    /** One demand event alone: how a batch that failed is gone through, record by record. */
    public Uni<Integer> demand(DemandEvent event) {
        return demands(List.of(event));
    }

    /**
     * A poll's demand events in one transaction, in order: the ranking lock shared (demands rank side by side, ADR
     * 0028), the replica's index awaited once, each demand ranked with the batch's matches written together at the end
     * (RankingBatch), the watermark past every record. The item is the number of candidates proposed.
     */
    @WithTransaction
    public Uni<Integer> demands(List<DemandEvent> events) {
        RankingBatch batch = new RankingBatch();
        Uni<Integer> proposed = MatchingService.rankingLockShared()
                .chain(() -> watermarks.of(Topics.ENTERPRISES))
                .chain(applied -> progress.awaitCovering(applied, patience))
                .replaceWith(0);
        for (DemandEvent event : events) {
            proposed = proposed.chain(sum -> matching.onDemand(event.snapshot(), batch, event.trace()).map(n -> sum + n));
        }
        proposed = proposed.call(batch::write);
        for (ConsumerRecord<?, ?> last : lastPerPartition(events.stream().map(DemandEvent::record).toList()).values()) {
            proposed = proposed.call(() -> watermarks.advance(last));
        }
        return proposed;
    }
}

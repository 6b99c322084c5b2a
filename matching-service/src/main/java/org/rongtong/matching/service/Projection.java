package org.rongtong.matching.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.Topics;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The shared consumer group's work on enterprise and demand events (once per event, whichever replica has the
 * partition), each in one transaction with the projection's watermark (docs/adr/0023-replicas-that-agree.md).
 * <ul>
 * <li>A batch of enterprise events is handled once this replica's index has read it (so reverse matching scores the
 * profiles it carries, as any replica's index will hold them), under the ranking lock (one take per batch), with the
 * demand board refreshed from the committed demands first, since other replicas rank demands too (ADR 0022).</li>
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
    private final Duration patience;

    public Projection(MatchingService matching, DemandBoard board, Watermarks watermarks, IndexProgress progress,
            @ConfigProperty(name = "rongtong.replica.index-patience", defaultValue = "30s") Duration patience) {
        this.matching = matching;
        this.board = board;
        this.watermarks = watermarks;
        this.progress = progress;
        this.patience = patience;
    }

    /** Completes once this replica's index has read the records (before the transaction: it holds no connection meanwhile). */
    public Uni<Void> indexHasRead(Iterable<? extends ConsumerRecord<?, ?>> records) {
        Map<Integer, Watermarks.Mark> highest = new HashMap<>();
        for (ConsumerRecord<?, ?> r : lastPerPartition(records).values()) {
            highest.put(r.partition(), new Watermarks.Mark(r.offset(), null, null));
        }
        return progress.awaitCovering(highest, patience);
    }

    /**
     * A batch of enterprise events in one transaction: the ranking lock, the board as committed, the projection rows,
     * the watermark past every record of the batch, then reverse matching. The item is the number of candidates proposed.
     */
    @WithTransaction
    public Uni<Integer> enterprises(Iterable<? extends ConsumerRecord<?, ?>> records, List<EnterpriseSnapshot> snapshots) {
        Uni<Void> marked = MatchingService.rankingLock().chain(board::refresh);
        for (ConsumerRecord<?, ?> last : lastPerPartition(records).values()) {
            marked = marked.chain(() -> watermarks.advance(last));
        }
        return marked.chain(() -> matching.onEnterprises(snapshots));
    }

    private static Map<Integer, ConsumerRecord<?, ?>> lastPerPartition(Iterable<? extends ConsumerRecord<?, ?>> records) {
        Map<Integer, ConsumerRecord<?, ?>> last = new HashMap<>();
        for (ConsumerRecord<?, ?> r : records) {
            last.merge(r.partition(), r, (a, b) -> b.offset() > a.offset() ? b : a);
        }
        return last;
    }

    /** The number of candidates proposed by ranking (the ranking lock shared: demands rank side by side, ADR 0028). */
    @WithTransaction
    public Uni<Integer> demand(ConsumerRecord<?, ?> record, DemandSnapshot snapshot) {
        return MatchingService.rankingLockShared()
                .chain(() -> watermarks.of(Topics.ENTERPRISES))
                .chain(applied -> progress.awaitCovering(applied, patience))
                .chain(() -> matching.onDemand(snapshot))
                .call(() -> watermarks.advance(record));
    }
}

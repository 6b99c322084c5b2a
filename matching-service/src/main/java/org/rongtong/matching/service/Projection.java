package org.rongtong.matching.service;

import java.time.Duration;

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
 * <li>An enterprise event is handled once this replica's index has read it (so reverse matching scores the profile
 * it carries, as any replica's index will hold it).</li>
 * <li>A demand is ranked only once this replica's index holds every enterprise the projection has applied: read
 * under the ranking lock, so an enterprise whose reverse matching ran before this demand was ranked (and so skipped
 * it) is in the index the ranking reads. Without it a replica whose index lags would lose that fit.</li>
 * </ul>
 */
@ApplicationScoped
public class Projection {

    private final MatchingService matching;
    private final Watermarks watermarks;
    private final IndexProgress progress;
    private final Duration patience;

    public Projection(MatchingService matching, Watermarks watermarks, IndexProgress progress,
            @ConfigProperty(name = "rongtong.replica.index-patience", defaultValue = "30s") Duration patience) {
        this.matching = matching;
        this.watermarks = watermarks;
        this.progress = progress;
        this.patience = patience;
    }

    /** Completes once this replica's index has read the record (before the transaction: it holds no connection meanwhile). */
    public Uni<Void> indexHasRead(ConsumerRecord<?, ?> record) {
        return progress.awaitCovering(java.util.Map.of(record.partition(),
                new Watermarks.Mark(record.offset(), null, null)), patience);
    }

    /** The number of candidates proposed by reverse matching. */
    @WithTransaction
    public Uni<Integer> enterprise(ConsumerRecord<?, ?> record, EnterpriseSnapshot snapshot) {
        return matching.onEnterprise(snapshot).call(() -> watermarks.advance(record));
    }

    /** The number of candidates proposed by ranking. */
    @WithTransaction
    public Uni<Integer> demand(ConsumerRecord<?, ?> record, DemandSnapshot snapshot) {
        return MatchingService.rankingLock()
                .chain(() -> watermarks.of(Topics.ENTERPRISES))
                .chain(applied -> progress.awaitCovering(applied, patience))
                .chain(() -> matching.onDemand(snapshot))
                .call(() -> watermarks.advance(record));
    }
}

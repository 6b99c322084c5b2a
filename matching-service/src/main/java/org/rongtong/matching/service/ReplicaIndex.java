package org.rongtong.matching.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.Topics;
import org.rongtong.matching.model.Candidate;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * This replica's copy of the enterprises (docs/adr/0023-replicas-that-agree.md): every replica reads every enterprise
 * event on a consumer of its own and applies it to its in-memory index, from the committed event (the registry's
 * transaction and, for the rebuild, matching's own), never from a transaction that may still roll back. The database
 * rows and reverse matching stay with the shared consumer group: once per event, whatever the number of replicas.
 */
@ApplicationScoped
public class ReplicaIndex {

    private final MatchEngine engine;
    private final IndexProgress progress;
    private final Watermarks watermarks;

    public ReplicaIndex(MatchEngine engine, IndexProgress progress, Watermarks watermarks) {
        this.engine = engine;
        this.progress = progress;
        this.watermarks = watermarks;
    }

    /**
     * Rebuilds the index from the projection at startup (it lives in memory only), with the watermark of the same
     * snapshot (one repeatable-read transaction), so the replica's consumer continues exactly after what it holds.
     * The item is the number of enterprises indexed.
     */
    @WithTransaction
    public Uni<Integer> rebuild() {
        return Candidate.getSession()
                .chain(session -> session.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").executeUpdate())
                .chain(() -> watermarks.of(Topics.ENTERPRISES))
                .chain(watermark -> Candidate.<Candidate>list("active = true").map(all -> {
                    EnterpriseIndex index = engine.index();
                    index.addAll(all.stream().map(MatchMapper::copy).toList());
                    index.compact();
                    progress.rebuiltAt(watermark);
                    return index.size();
                }));
    }

    /** Applies one event (an older version than the index holds changes nothing) and moves the replica's read position. */
    public void apply(EnterpriseSnapshot snapshot, int partition, long offset, Instant recordTime) {
        if (snapshot != null) {
            Candidate c = new Candidate();
            MatchMapper.apply(snapshot, c);
            engine.index().putIfNewer(c);
        }
        progress.applied(partition, offset, recordTime);
    }
}

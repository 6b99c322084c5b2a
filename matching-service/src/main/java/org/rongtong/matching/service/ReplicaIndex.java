package org.rongtong.matching.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Puts enterprises as their events carry them into the index (an older version than it holds changes nothing),
     * visible to searches on return, without moving the replica's read position: the shared consumer's batch
     * (Projection.intoIndex), whose records before it this replica's index may not hold yet.
     */
    public void put(List<EnterpriseSnapshot> snapshots) {
        List<Candidate> enterprises = new ArrayList<>(snapshots.size());
        for (EnterpriseSnapshot s : snapshots) {
            Candidate c = new Candidate();
            MatchMapper.apply(s, c);
            enterprises.add(c);
        }
        engine.index().putAllIfNewer(enterprises);
    }

    /** One record as the replica's consumer read it: the enterprise it carries (null: unreadable or another type). */
    public record Read(EnterpriseSnapshot snapshot, int partition, long offset, Instant recordTime) {
    }

    /**
     * Applies a poll's worth of events (an older version than the index holds changes nothing), makes them visible to
     * searches, and only then moves the replica's read position past them: whoever waits for that position
     * ({@link IndexProgress#awaitCovering}) searches an index that holds them.
     */
    public void apply(List<Read> batch) {
        List<Candidate> enterprises = new ArrayList<>(batch.size());
        Map<Integer, Read> last = new HashMap<>();
        for (Read r : batch) {
            if (r.snapshot() != null) {
                Candidate c = new Candidate();
                MatchMapper.apply(r.snapshot(), c);
                enterprises.add(c);
            }
            last.merge(r.partition(), r, (a, b) -> b.offset() > a.offset() ? b : a);
        }
        engine.index().putAllIfNewer(enterprises);
        last.values().forEach(r -> progress.applied(r.partition(), r.offset(), r.recordTime()));
    }
}

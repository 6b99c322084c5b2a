package org.rongtong.matching.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.messaging.NotYetException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * How far this replica's in-memory index has read registry.enterprises.v1, per partition (docs/adr/0023-replicas-that-agree.md).
 * It starts where the projection it was rebuilt from stood (the watermark read with it), follows the replica's own
 * consumer, and is caught up once it reached the end offsets seen when that consumer was assigned its partitions.
 */
@ApplicationScoped
public class IndexProgress {

    /** A partition as the index has read it: the last offset applied (-1: none yet), that record's time, the end seen at start. */
    public record Read(long lastOffset, Instant recordTime, long endAtStart) {
    }

    private final Map<Integer, Long> applied = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> times = new ConcurrentHashMap<>();
    private final Map<Integer, Long> endsAtStart = new ConcurrentHashMap<>();
    private volatile boolean assigned;

    /** The projection the index was rebuilt from covers these offsets. */
    public void rebuiltAt(Map<Integer, Watermarks.Mark> watermark) {
        watermark.forEach((partition, mark) -> {
            applied.merge(partition, mark.offset(), Math::max);
            times.putIfAbsent(partition, mark.recordTime());
        });
    }

    /** Where the replica's consumer continues reading a partition: after what the index already holds (0: from the start). */
    public long next(int partition) {
        return applied.getOrDefault(partition, -1L) + 1;
    }

    /** The partitions' end offsets when the consumer was (first) assigned them: catching up means reaching them. */
    public void assigned(Map<Integer, Long> ends) {
        ends.forEach(endsAtStart::putIfAbsent);
        assigned = true;
    }

    public void applied(int partition, long offset, Instant recordTime) {
        applied.merge(partition, offset, Math::max);
        times.put(partition, recordTime);
    }

    /** Read up to the end offsets seen at start, in every partition: the index is complete as of the replica's start. */
    public boolean caughtUp() {
        return assigned && endsAtStart.entrySet().stream().allMatch(e -> next(e.getKey()) >= e.getValue());
    }

    /** Every record the projection has applied (its watermark) is in the index too. */
    public boolean covers(Map<Integer, Watermarks.Mark> watermark) {
        return watermark.entrySet().stream().allMatch(e -> applied.getOrDefault(e.getKey(), -1L) >= e.getValue().offset());
    }

    public Map<Integer, Read> partitions() {
        Map<Integer, Read> all = new TreeMap<>();
        for (Integer p : union()) {
            all.put(p, new Read(applied.getOrDefault(p, -1L), times.get(p), endsAtStart.getOrDefault(p, -1L)));
        }
        return all;
    }

    private java.util.Set<Integer> union() {
        java.util.Set<Integer> ps = new java.util.TreeSet<>(applied.keySet());
        ps.addAll(endsAtStart.keySet());
        return ps;
    }

    /**
     * Completes once the index covers the watermark, on the caller's Vert.x context (checked every few milliseconds:
     * the index's consumer runs on its own thread); a {@link NotYetException} after {@code patience}, so the event is
     * retried, not parked.
     */
    public Uni<Void> awaitCovering(Map<Integer, Watermarks.Mark> watermark, Duration patience) {
        if (covers(watermark)) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        long deadline = System.nanoTime() + patience.toNanos();
        return Uni.createFrom().emitter(emitter -> {
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                if (covers(watermark)) {
                    emitter.complete(null);
                } else if (System.nanoTime() > deadline) {
                    emitter.fail(new NotYetException("the index of this replica has not yet read what the projection applied " + watermark));
                } else {
                    context.owner().setTimer(5, id -> context.runOnContext(x -> check[0].run()));
                }
            };
            check[0].run();
        });
    }
}

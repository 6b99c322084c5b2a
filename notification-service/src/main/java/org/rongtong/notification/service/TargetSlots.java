package org.rongtong.notification.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flow control per subscription's target: each has its own share of requests in flight, so a slow receiver only slows
 * itself, and a buffer of {@value #BUFFERED_WAVES} rounds of those slots (in flight, waiting, or reserved by a consumer
 * batch about to commit). A target is topped up only once a chunk of its buffer is free: a full or slow target claims
 * nothing, and claims come in chunks, not a query per finished exchange. Thread-safe; holds no database or HTTP.
 */
final class TargetSlots {

    /** Rounds of a target's slots claimed ahead: two in flight or waiting, two more before a refill is due. */
    static final int BUFFERED_WAVES = 4;

    /** One target: requests in flight, deliveries waiting for a slot, places reserved for a hand-over. */
    private static final class Target {
        final AtomicInteger inFlight = new AtomicInteger();
        final ConcurrentLinkedQueue<DueDelivery> waiting = new ConcurrentLinkedQueue<>();
        final AtomicInteger reserved = new AtomicInteger();

        int backlog() {
            return inFlight.get() + waiting.size() + reserved.get();
        }
    }

    /** What a claim may take: per known target its room ({@code 0}: none), and the room of a target not seen yet. */
    record Room(UUID[] targets, Integer[] room, int newTarget) {
        boolean allFull() {
            for (Integer r : room) {
                if (r != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private final int perTarget;
    private final Semaphore inFlight;
    private final Map<UUID, Target> targets = new ConcurrentHashMap<>();

    TargetSlots(int perTarget, int maxInFlight) {
        this.perTarget = perTarget;
        this.inFlight = new Semaphore(maxInFlight);
    }

    int buffer() {
        return perTarget * BUFFERED_WAVES;
    }

    /** A refill's worth: the room a target must have before a claim tops it up. */
    private int chunk() {
        return perTarget * 2;
    }

    private Target target(UUID subscription) {
        return targets.computeIfAbsent(subscription, k -> new Target());
    }

    /** Up to {@code wanted} places in the target's buffer, as many as it has room for. */
    int reserve(UUID subscription, int wanted) {
        if (wanted <= 0) {
            return 0;
        }
        Target target = target(subscription);
        while (true) {
            int reserved = target.reserved.get();
            int granted = Math.min(wanted, buffer() - target.backlog());
            if (granted <= 0) {
                return 0;
            }
            if (target.reserved.compareAndSet(reserved, reserved + granted)) {
                return granted;
            }
        }
    }

    /** Reserved places not used; answers whether any came back. */
    boolean release(UUID subscription, int places) {
        Target target = targets.get(subscription);
        if (target == null || places <= 0) {
            return false;
        }
        target.reserved.addAndGet(-places);
        return true;
    }

    /** A delivery for a place reserved before: it waits for a slot. */
    void handedOver(DueDelivery due) {
        Target target = target(due.subscriptionId());
        target.waiting.add(due);
        target.reserved.decrementAndGet();
    }

    /** A claimed delivery: it waits for a slot. */
    void claimed(DueDelivery due) {
        target(due.subscriptionId()).waiting.add(due);
    }

    /**
     * The next waiting delivery of the target, its slot taken (the target's and one of all); null when nothing waits or
     * no slot is free. Every delivery returned must come back through {@link #finished}.
     */
    DueDelivery next(UUID subscription) {
        Target target = targets.get(subscription);
        if (target == null || target.waiting.isEmpty()) {
            return null;
        }
        if (target.inFlight.incrementAndGet() > perTarget) {
            target.inFlight.decrementAndGet();
            return null;
        }
        if (!inFlight.tryAcquire()) {
            target.inFlight.decrementAndGet();
            return null;
        }
        DueDelivery due = target.waiting.poll();
        if (due == null) {
            target.inFlight.decrementAndGet();
            inFlight.release();
        }
        return due;
    }

    /** The exchange of a delivery from {@link #next} ended: its slots are free. */
    void finished(UUID subscription) {
        Target target = targets.get(subscription);
        target.inFlight.decrementAndGet();
        inFlight.release();
    }

    /** A chunk's worth of room: claim now, while a wave is still waiting, so the target never runs dry. */
    boolean wantsRefill(UUID subscription) {
        Target target = targets.get(subscription);
        return target != null && target.backlog() <= buffer() - chunk();
    }

    List<UUID> subscriptions() {
        return new ArrayList<>(targets.keySet());
    }

    /**
     * How many to claim at most in one round: twice the free slots of all, less what already waits (so a round never
     * fills memory faster than the slots empty it), and no more than {@code batchSize}.
     */
    int capacity(int batchSize) {
        int waiting = targets.values().stream().mapToInt(t -> t.waiting.size()).sum();
        return Math.min(batchSize, Math.max(0, inFlight.availablePermits() * 2 - waiting));
    }

    /** The room of each known target for a claim: what its buffer has free, if that is at least a chunk. */
    Room room() {
        List<UUID> known = subscriptions();
        Integer[] room = known.stream().map(id -> {
            int free = buffer() - targets.get(id).backlog();
            return free >= chunk() ? free : 0;
        }).toArray(Integer[]::new);
        return new Room(known.toArray(UUID[]::new), room, buffer());
    }

    /** Everything still waiting for a slot, taken out (to go back to the queue). */
    List<UUID> takeWaiting() {
        List<UUID> ids = new ArrayList<>();
        for (Target target : targets.values()) {
            DueDelivery due;
            while ((due = target.waiting.poll()) != null) {
                ids.add(due.id());
            }
        }
        return ids;
    }
}

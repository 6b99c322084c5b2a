package org.rongtong.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.notification.metrics.NotificationMetrics;
import org.rongtong.outbox.TraceContext;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

@Tag("unit")
class OutcomeRecorderTest {

    /** The queue's writes, answered when the test says so. */
    private static final class Writes extends DeliveryQueue {
        final List<List<Delivered>> batches = new ArrayList<>();
        final List<CompletableFuture<Void>> pending = new ArrayList<>();
        final List<Delivered> alone = new ArrayList<>();
        final List<UUID> failed = new ArrayList<>();
        FailureRecorded decision = new FailureRecorded(false, false);

        Writes() {
            super(null, null, null);
        }

        @Override
        public Uni<Void> succeeded(List<Delivered> batch) {
            batches.add(batch);
            CompletableFuture<Void> written = new CompletableFuture<>();
            pending.add(written);
            return Uni.createFrom().completionStage(written);
        }

        @Override
        public Uni<Void> succeeded(Delivered one) {
            alone.add(one);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<FailureRecorded> failed(UUID delivery, UUID subscription, Integer status, String error, long latencyMs) {
            failed.add(delivery);
            return Uni.createFrom().item(decision);
        }
    }

    private final Writes writes = new Writes();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger batchesWritten = new AtomicInteger();
    private final OutcomeRecorder recorder = new OutcomeRecorder(writes, new NotificationMetrics(registry), batchesWritten::incrementAndGet);

    private static DueDelivery due() {
        return new DueDelivery(UUID.randomUUID(), UUID.randomUUID(), "e", "{}", "https://r.example/h", "s", null, null, TraceContext.NONE);
    }

    private static WebhookSender.Outcome ok() {
        return new WebhookSender.Outcome(204, null, 3);
    }

    private double count(String counter) {
        return registry.counter(counter).count();
    }

    @Test
    void successesThatArriveWhileABatchIsWrittenFormTheNextBatch() {
        CompletableFuture<Void> first = recorder.record(due(), ok());
        CompletableFuture<Void> second = recorder.record(due(), ok());
        CompletableFuture<Void> third = recorder.record(due(), ok());
        assertEquals(1, writes.batches.size(), "a lone delivery is written at once");
        assertFalse(second.isDone());

        writes.pending.get(0).complete(null);
        assertTrue(first.isDone());
        assertEquals(2, writes.batches.size());
        assertEquals(2, writes.batches.get(1).size(), "the two that waited, in one statement");
        writes.pending.get(1).complete(null);
        assertTrue(second.isDone() && third.isDone());
        assertEquals(2, batchesWritten.get(), "told once per batch");
        assertEquals(3, count(NotificationMetrics.SUCCEEDED));
    }

    @Test
    void aBatchThatFailsAsAWholeIsWrittenOneByOne() {
        CompletableFuture<Void> first = recorder.record(due(), ok());
        writes.pending.get(0).completeExceptionally(new IllegalStateException("subscription deleted meanwhile"));
        assertEquals(1, writes.alone.size());
        assertTrue(first.isDone() && !first.isCompletedExceptionally());
        assertEquals(1, count(NotificationMetrics.SUCCEEDED));
    }

    @Test
    void aFailedAttemptIsWrittenAloneAndCountedAsTheQueueDecided() {
        DueDelivery due = due();
        writes.decision = new DeliveryQueue.FailureRecorded(true, true);
        recorder.record(due, new WebhookSender.Outcome(500, null, 12)).join();
        recorder.record(due(), new WebhookSender.Outcome(null, "timed out", 10_000)).join();
        assertEquals(due.id(), writes.failed.get(0));
        assertTrue(writes.batches.isEmpty());
        assertEquals(2, count(NotificationMetrics.FAILED));
        assertEquals(2, count(NotificationMetrics.PARKED));
        assertEquals(2, count(NotificationMetrics.PAUSED));
    }
}

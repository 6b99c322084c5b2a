package org.rongtong.notification.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;
import org.rongtong.notification.metrics.NotificationMetrics;
import org.rongtong.ids.UuidV7;

import io.smallrye.mutiny.Uni;

/**
 * Writes what each attempt came to. Successes are written in batches: the ones gathered while a batch is being written
 * form the next, so the batch grows with the load and a lone delivery is written at once. A failure is rare and has
 * more to do (backoff, pause, owner): its own transaction.
 */
final class OutcomeRecorder {

    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);

    /** Successes written in one statement at most. */
    static final int MAX_BATCH = 500;

    /** A success waiting to be written with the others of its batch. */
    private record Pending(DeliveryQueue.Delivered delivered, CompletableFuture<Void> recorded) {
    }

    private final DeliveryQueue queue;
    private final NotificationMetrics metrics;
    private final Runnable afterBatch;
    private final ConcurrentLinkedQueue<Pending> delivered = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();

    /** {@code afterBatch}: run once each batch of successes is written (a delivered row no longer holds back the next one). */
    OutcomeRecorder(DeliveryQueue queue, NotificationMetrics metrics, Runnable afterBatch) {
        this.queue = queue;
        this.metrics = metrics;
        this.afterBatch = afterBatch;
    }

    /** Completes once the outcome is written (or writing it failed: then the delivery's lease expires and it is retried). */
    CompletableFuture<Void> record(DueDelivery due, WebhookSender.Outcome outcome) {
        if (outcome.succeeded()) {
            Pending pending = new Pending(new DeliveryQueue.Delivered(UuidV7.next(), due.id(), due.subscriptionId(), outcome.status(),
                    outcome.latencyMs(), OffsetDateTime.now()), new CompletableFuture<>());
            delivered.add(pending);
            flush();
            return pending.recorded();
        }
        // the row stays PENDING and keeps later deliveries of its aggregate back, so nothing needs waking
        return queue.failed(due.id(), due.subscriptionId(), outcome.status(), outcome.error(), outcome.latencyMs())
                .invoke(decided -> {
                    metrics.failed(decided.parked());
                    if (decided.paused()) {
                        metrics.paused();
                    }
                }).replaceWithVoid().subscribeAsCompletionStage();
    }

    private void flush() {
        if (delivered.isEmpty() || !flushing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = delivered.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            flushing.set(false);
            flush();
            return;
        }
        List<DeliveryQueue.Delivered> rows = batch.stream().map(Pending::delivered).toList();
        queue.succeeded(rows).invoke(() -> metrics.succeeded(rows.size()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Recording %d deliveries at once failed (%s); recording them one by one", rows.size(), failure.getMessage());
                    return Uni.join().all(rows.stream().map(this::alone).toList()).andCollectFailures().replaceWithVoid();
                })
                .subscribe().with(ok -> flushed(batch, null), failure -> flushed(batch, failure));
    }

    private Uni<Void> alone(DeliveryQueue.Delivered one) {
        return queue.succeeded(one).invoke(() -> metrics.succeeded(1));
    }

    private void flushed(List<Pending> batch, Throwable failure) {
        flushing.set(false);
        batch.forEach(p -> {
            if (failure == null) {
                p.recorded().complete(null);
            } else {
                p.recorded().completeExceptionally(failure);
            }
        });
        afterBatch.run();
        flush();
    }
}

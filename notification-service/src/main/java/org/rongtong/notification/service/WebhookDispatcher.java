package org.rongtong.notification.service;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.rongtong.notification.config.WebhookConfig;
import org.rongtong.notification.metrics.NotificationMetrics;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Sends due webhook deliveries: a loop that claims from the {@link DeliveryQueue} what the {@link TargetSlots} have room
 * for, starts each delivery as its target gets a free slot, has the {@link WebhookSender} send it and the
 * {@link OutcomeRecorder} write what came of it. Consumer batches hand deliveries over directly (ADR 0010), so the
 * common case needs no claim. A delivery is held back while an earlier one of the same subscription and aggregate is
 * pending (order per aggregate; see the claim).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookConfig config;
    private final DeliveryQueue queue;
    private final WebhookSender sender;
    private final OutcomeRecorder outcomes;
    private final TargetSlots slots;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong handedOver = new AtomicLong();
    private final AtomicLong claimed = new AtomicLong();
    private volatile Thread loop;
    /** When the loop last ran the claim query (only the loop thread reads and writes it). */
    private long lastClaim;
    private volatile boolean running;

    public WebhookDispatcher(WebhookConfig config, DeliveryQueue queue, WebhookSender sender, NotificationMetrics metrics) {
        this.config = config;
        this.queue = queue;
        this.sender = sender;
        this.slots = new TargetSlots(config.perTargetConcurrency(), config.maxInFlight());
        // a delivered row no longer holds back the next one of its aggregate
        this.outcomes = new OutcomeRecorder(queue, metrics, this::wake);
        this.lastClaim = System.nanoTime() - config.pollInterval().toNanos();
    }

    void onStart(@Observes StartupEvent start) {
        if (config.dispatcherEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        stop();
        LOG.infof("Webhook dispatcher stopped: %d deliveries handed over by the consumer, %d claimed from the queue", handedOver.get(), claimed.get());
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * Stops claiming; requests in flight finish (or time out) and record their outcome. Deliveries still waiting for a
     * slot go back to the queue at once, so that another replica, or this one restarted, need not wait out their lease.
     */
    public synchronized void stop() {
        running = false;
        Thread t = loop;
        if (t != null) {
            wake();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        loop = null;
        try {
            giveBack(slots.takeWaiting()).await().atMost(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            // logged by giveBack
        }
    }

    private Uni<Void> giveBack(List<UUID> ids) {
        return queue.giveBack(ids)
                .invoke(() -> {
                    if (!ids.isEmpty()) {
                        LOG.infof("Gave %d deliveries not sent back to the queue", ids.size());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Could not give %d deliveries back to the queue (%s); their leases will expire",
                        ids.size(), e.getMessage()));
    }

    /** New deliveries were committed: claim now instead of at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        while (running) {
            boolean more = false;
            try {
                more = round();
            } catch (RuntimeException e) {
                LOG.warnf("Webhook round failed, retrying: %s", e.getMessage());
            }
            if (!more) {
                try {
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Reserves up to {@code wanted} places in the subscription's buffer for deliveries the caller is about to commit
     * already leased (see {@link #lease()}), so they need no claim; none while the dispatcher is stopped. Every place
     * granted must come back through {@link #handOver} or {@link #release}.
     */
    public int reserve(UUID subscription, int wanted) {
        return running ? slots.reserve(subscription, wanted) : 0;
    }

    /** Places reserved and not used (the rows were not leased, or their transaction failed). */
    public void release(UUID subscription, int places) {
        if (slots.release(subscription, places)) {
            // the room is back: a claim may use it
            wake();
        }
    }

    /** Committed, leased deliveries for reserved places: sent as slots free up, without a claim. */
    public void handOver(List<DueDelivery> deliveries) {
        if (!running) {
            // stopped since the places were reserved: to the queue, not into memory
            deliveries.forEach(due -> release(due.subscriptionId(), 1));
            giveBack(deliveries.stream().map(DueDelivery::id).toList()).subscribe().with(ok -> { }, failure -> { });
            return;
        }
        deliveries.forEach(slots::handedOver);
        handedOver.addAndGet(deliveries.size());
        deliveries.stream().map(DueDelivery::subscriptionId).distinct().forEach(this::drain);
    }

    /** How many deliveries came by hand-over rather than by a claim, since start-up (tests and diagnostics). */
    public long handedOver() {
        return handedOver.get();
    }

    /**
     * How long a delivery stays leased when claimed or handed over: the last of a target's buffer may wait for the waves
     * before it, each up to the timeout.
     */
    public Duration lease() {
        return config.timeout().multipliedBy(TargetSlots.BUFFERED_WAVES).plusSeconds(30);
    }

    /**
     * Claims what is due and starts what the targets' slots allow; answers whether to go again at once (the round was cut
     * short by the global limit) rather than wait for a wake-up or the poll interval.
     */
    private boolean round() {
        slots.subscriptions().forEach(this::drain);
        int capacity = slots.capacity(config.batchSize());
        if (capacity == 0) {
            return false;
        }
        TargetSlots.Room room = slots.room();
        // every known target full: the query could only find subscriptions not seen yet, which the poll interval does
        long now = System.nanoTime();
        if (room.allFull() && now - lastClaim < config.pollInterval().toNanos()) {
            return false;
        }
        lastClaim = now;
        List<DueDelivery> rows = queue.claim(room.targets(), room.room(), room.newTarget(), lease().toMillis() / 1000.0, capacity)
                .await().atMost(Duration.ofSeconds(30));
        rows.forEach(slots::claimed);
        claimed.addAndGet(rows.size());
        slots.subscriptions().forEach(this::drain);
        return rows.size() >= capacity;
    }

    /** Starts the target's waiting deliveries while it has a free slot; a slot frees as soon as the HTTP exchange ends. */
    private void drain(UUID subscription) {
        // stopped: what waits is given back to the queue, nothing new starts
        DueDelivery due;
        while (running && (due = slots.next(subscription)) != null) {
            DueDelivery sent = due;
            sender.send(sent).thenCompose(outcome -> {
                slots.finished(subscription);
                drain(subscription);
                if (slots.wantsRefill(subscription)) {
                    wake();
                }
                return outcomes.record(sent, outcome);
            }).whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.warnf(failure, "Recording the outcome of delivery %s failed; its lease will expire and it will be retried", sent.id());
                }
            });
        }
    }
}

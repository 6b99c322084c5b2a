package org.rongtong.outbox;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the outbox to Kafka as CloudEvents (binary mode) and deletes rows only after the broker
 * acknowledged them ({@code acks=all}, idempotent producer): at-least-once, in outbox order.
 *
 * <p>It runs on one dedicated thread with its own JDBC connection ({@link RelayConnection}), so blocking I/O never
 * touches an event loop. It wakes on the {@code NOTIFY} that an outbox insert sends at commit, and polls as a
 * fallback; each round is a {@link RelayRound}. A failed round is retried with backoff on a fresh connection and
 * producer. What it did is in {@link RelayStatus}, for health and metrics.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRelayConfig config;
    private final Config mpConfig;
    private final Event<OutboxPublished> publishedEvents;
    private final RelayStatus status;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(OutboxRelayConfig config, Config mpConfig, Event<OutboxPublished> publishedEvents, RelayStatus status) {
        this.config = config;
        this.mpConfig = mpConfig;
        this.publishedEvents = publishedEvents;
        this.status = status;
    }

    void onStart(@Observes StartupEvent ignored) {
        if (config.enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent ignored) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void run() {
        RelayConnection connection = new RelayConnection(mpConfig);
        RelayProducer producer = new RelayProducer(mpConfig, config.deliveryTimeout());
        RelayRound round = new RelayRound(config, producer);
        Duration backoff = config.initialBackoff();
        while (running) {
            try {
                List<OutboxPublished.Event> events = round.publishBatch(connection.get());
                status.succeeded(events.size());
                published(events);
                backoff = config.initialBackoff();
                if (events.size() < config.batchSize()) {
                    connection.awaitNotification(config.pollInterval());
                }
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                status.failed(e);
                LOG.warnf(e, "Outbox relay round failed, retrying in %s ms", backoff.toMillis());
                producer.close();
                connection.close();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff.multipliedBy(2);
            }
        }
        // stop() interrupts this thread to wake it; without clearing the flag, the producer's close would be interrupted
        // while it waits for its sender thread, and Kafka logs that as an error on every shutdown
        Thread.interrupted();
        connection.close();
        producer.close();
    }

    /** Tells the service's metrics what left the outbox; a failing observer must not make the round look failed. */
    private void published(List<OutboxPublished.Event> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            publishedEvents.fire(new OutboxPublished(events));
        } catch (RuntimeException e) {
            LOG.warnf(e, "An observer of published outbox events failed");
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

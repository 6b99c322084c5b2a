package org.rongtong.notification.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * notification-service's business metrics (docs/metrics.md): webhook deliveries, counted by the dispatcher once the
 * outcome is written (the statement or transaction that records it succeeded).
 */
@Startup
@ApplicationScoped
public class NotificationMetrics {

    public static final String SUCCEEDED = "rongtong.webhook.deliveries.succeeded";
    public static final String FAILED = "rongtong.webhook.deliveries.failed";
    public static final String PARKED = "rongtong.webhook.deliveries.parked";
    public static final String PAUSED = "rongtong.webhook.subscriptions.paused";

    private final Counter succeeded;
    private final Counter failed;
    private final Counter parked;
    private final Counter paused;

    public NotificationMetrics(MeterRegistry registry) {
        succeeded = Counter.builder(SUCCEEDED).description("Webhook deliveries the receiver acknowledged (2xx)").register(registry);
        failed = Counter.builder(FAILED).description("Failed webhook attempts (not 2xx, timeout, refused); retried with backoff")
                .register(registry);
        parked = Counter.builder(PARKED).description("Webhook deliveries given up after their last attempt (status FAILED)")
                .register(registry);
        paused = Counter.builder(PAUSED).description("Subscriptions paused after too many failures in a row").register(registry);
    }

    public void succeeded(int deliveries) {
        succeeded.increment(deliveries);
    }

    /** A failed attempt; {@code parked} when it was the delivery's last. */
    public void failed(boolean parked) {
        failed.increment();
        if (parked) {
            this.parked.increment();
        }
    }

    public void paused() {
        paused.increment();
    }
}

package org.rongtong.outbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The outbox on /q/metrics (docs/metrics.md): {@code rongtong_outbox_published_total} (events this process relayed),
 * {@code rongtong_outbox_relay_failing} (1 while its last round failed),
 * {@code rongtong_outbox_backlog} (rows waiting) and {@code rongtong_outbox_oldest_age_seconds} (how long the oldest
 * has waited). Registered only where the relay runs: a service that publishes nothing has no outbox to watch.
 */
@ApplicationScoped
public class OutboxMetrics {

    public static final String PUBLISHED = "rongtong.outbox.published";
    public static final String RELAY_FAILING = "rongtong.outbox.relay.failing";
    public static final String BACKLOG = "rongtong.outbox.backlog";
    public static final String OLDEST_AGE = "rongtong.outbox.oldest.age";

    private final OutboxRelayConfig config;
    private final RelayStatus status;
    private final MeterRegistry registry;
    private final AgroalDataSource dataSource;
    private final Duration cacheTime;
    /** Held here: meters keep only weak references to what they read. */
    private OutboxBacklog backlog;

    public OutboxMetrics(OutboxRelayConfig config, RelayStatus status, MeterRegistry registry, AgroalDataSource dataSource,
            @ConfigProperty(name = "rongtong.metrics.outbox-cache", defaultValue = "5s") Duration cacheTime) {
        this.config = config;
        this.status = status;
        this.registry = registry;
        this.dataSource = dataSource;
        this.cacheTime = cacheTime;
    }

    void onStart(@Observes StartupEvent ignored) {
        if (!config.enabled()) {
            return;
        }
        FunctionCounter.builder(PUBLISHED, status, RelayStatus::published)
                .description("Outbox events this process published to Kafka (acknowledged and removed from the outbox)")
                .register(registry);
        Gauge.builder(RELAY_FAILING, status, RelayStatus::failing).strongReference(true)
                .description("1 while the relay's last round failed (it retries with backoff; the error is in /q/health/ready), else 0")
                .register(registry);
        backlog = new OutboxBacklog(dataSource, Infrastructure.getDefaultWorkerPool(), cacheTime);
        Gauge.builder(BACKLOG, backlog, OutboxBacklog::rows)
                .strongReference(true)
                .description("Outbox rows waiting for the relay (read every few seconds)")
                .register(registry);
        Gauge.builder(OLDEST_AGE, backlog, OutboxBacklog::oldestSeconds).baseUnit("seconds").strongReference(true)
                .description("Age of the oldest outbox row waiting for the relay, 0 when none waits")
                .register(registry);
    }
}

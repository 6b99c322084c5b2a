package org.rongtong.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** What services count their business metrics from: the relay reports committed events once they are published. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class OutboxPublishedTest {

    @Inject
    WidgetService widgets;

    @Inject
    PublishedEvents published;

    @Inject
    RelayStatus relay;

    @Inject
    @Readiness
    OutboxRelayHealth health;

    @Test
    void aCommittedEventIsReportedOnceAndARolledBackOneNever() throws Throwable {
        long relayedBefore = relay.published();
        String rolledBack = "metrics-rolled-back-" + UUID.randomUUID();
        String committed = "metrics-committed-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(() -> widgets.create(rolledBack, true)));
        VertxContextSupport.subscribeAndAwait(() -> widgets.create(committed, false));

        await().atMost(Duration.ofSeconds(20)).until(() -> payloads().stream().anyMatch(p -> p.contains(committed)));
        assertEquals(1, payloads().stream().filter(p -> p.contains(committed)).count(), "reported once");
        assertTrue(payloads().stream().noneMatch(p -> p.contains(rolledBack)), "a rolled-back write is never reported");
        OutboxPublished.Event event = published.seen().stream().filter(e -> e.payloadText().contains(committed)).findFirst().orElseThrow();
        assertEquals(WidgetService.TOPIC, event.topic());
        assertEquals(WidgetService.TYPE, event.type());
        assertTrue(relay.published() >= relayedBefore + 1, "the relay's own count moved too");
    }

    @Test
    void theRelaysHealthDetailTellsWhatItPublishedAndStaysUp() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> widgets.create("metrics-health-" + UUID.randomUUID(), false));
        await().atMost(Duration.ofSeconds(20)).until(() -> relay.published() > 0);

        HealthCheckResponse response = health.call();
        assertEquals("outbox-relay", response.getName());
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(true, response.getData().orElseThrow().get("enabled"));
        assertTrue(((Number) response.getData().orElseThrow().get("published")).longValue() > 0);
    }

    private List<String> payloads() {
        return published.seen().stream().map(OutboxPublished.Event::payloadText).toList();
    }
}

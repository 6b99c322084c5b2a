package org.rongtong.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CloudEventHeaders;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class OutboxRelayTest {

    @Inject
    WidgetService widgets;

    @Inject
    Outbox outbox;

    @Inject
    @Readiness
    OutboxRelayHealth health;

    @Inject
    RelayStatus status;

    @Inject
    OutboxRelay relay;

    private KafkaConsumer<String, String> consumer;

    @BeforeEach
    void subscribe() {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", KafkaBrokerResource.bootstrapServers(),
                "group.id", "outbox-test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(WidgetService.TOPIC));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void committedChangeIsPublishedAsCloudEventAndLeavesTheOutbox() throws Exception {
        UUID id = create("committed", false);

        ConsumerRecord<String, String> record = awaitRecordFor(id);
        assertEquals(id.toString(), record.key());
        assertEquals("1.0", header(record, CloudEventHeaders.SPEC_VERSION));
        assertEquals(WidgetService.TYPE, header(record, CloudEventHeaders.TYPE));
        assertEquals("/test", header(record, CloudEventHeaders.SOURCE));
        assertEquals(id.toString(), header(record, CloudEventHeaders.SUBJECT));
        assertEquals("application/json", header(record, CloudEventHeaders.CONTENT_TYPE));
        assertFalse(header(record, CloudEventHeaders.ID).isBlank());
        assertTrue(record.value().contains("\"name\":\"committed\""), record.value());
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows() == 0);
    }

    @Test
    void payloadOutsideAsciiArrivesUnchanged() throws Exception {
        String name = "青岛海尔 𠀋 \\ \"quoted\" tab\there";
        UUID id = create(name, false);

        ConsumerRecord<String, String> record = awaitRecordFor(id);
        assertTrue(record.value().contains("青岛海尔 𠀋 \\\\ \\\"quoted\\\" tab\\there"), record.value());
    }

    @Test
    void rolledBackChangePublishesNothing() throws Exception {
        assertThrows(IllegalStateException.class, () -> create("rolled-back", true));
        UUID marker = create("marker-after-rollback", false);

        List<ConsumerRecord<String, String>> seen = consumeUntil(marker);
        assertTrue(seen.stream().noneMatch(r -> r.value().contains("rolled-back")), "a rolled-back event was published");
        assertEquals(0L, widgetsNamed("rolled-back"));
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownArePublishedInOrderWhenItReturns() throws Exception {
        assumeTrue(System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null, "needs the in-process broker to stop it");
        UUID widget = create("offline-start", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows() == 0);

        KafkaBrokerResource.sharedBroker().stop();
        List<String> names = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                names.add("offline-" + i);
                onVertx(() -> widgets.rename(widget, names.get(names.size() - 1)));
            }
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10)).until(() -> outboxRows() == 20L);
            assertEquals(20L, outboxRows(), "events must wait in the outbox while the broker is away");
            // the failed rounds show in the readiness detail, which stays UP: the events wait safely
            await().atMost(Duration.ofSeconds(30)).until(() -> health.call().getData().orElseThrow().containsKey("lastError"));
            assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus());
            assertEquals(1.0, status.failing());
        } finally {
            KafkaBrokerResource.sharedBroker().start();
        }

        List<String> published = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!published.containsAll(names) && System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                if (widget.toString().equals(r.key()) && WidgetService.RENAMED.equals(header(r, CloudEventHeaders.TYPE))) {
                    published.add(r.value().replaceAll(".*\"name\":\"([^\"]+)\".*", "$1"));
                }
            }
        }
        // at-least-once: a retried batch may repeat events, but never reorders them
        assertEquals(names, published.stream().distinct().toList(), "every offline event, in order");
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows() == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> !health.call().getData().orElseThrow().containsKey("lastError"));
        assertEquals(0.0, status.failing());
    }

    @Test
    void theWritersTraceContextTravelsAsTraceparentHeaderOfEveryEvent() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        SpanContext writer = SpanContext.createFromRemoteParent(traceId, "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.builder().put("rongtong", "test").build());
        Context traced = Context.root().with(Span.wrap(writer));
        UUID single = UUID.randomUUID();
        UUID bulk = UUID.randomUUID();
        onVertx(() -> Panache.withTransaction(() -> {
            // as a REST call's or a consumed record's span would be: current while the use case appends
            try (Scope ignored = traced.makeCurrent()) {
                return outbox.append(WidgetService.TOPIC, WidgetService.TYPE, "/test", single, Map.of("id", single))
                        .chain(() -> {
                            try (Scope again = traced.makeCurrent()) {
                                return outbox.appendAll(List.of(new Outbox.Pending(WidgetService.TOPIC, WidgetService.TYPE, "/test", bulk, Map.of("id", bulk))));
                            }
                        });
            }
        }));
        UUID untraced = create("untraced", false);

        // keys land on different partitions: read until each has come
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!List.of(single, bulk, untraced).stream().allMatch(k -> seen.stream().anyMatch(r -> k.toString().equals(r.key())))
                && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        for (UUID key : List.of(single, bulk)) {
            ConsumerRecord<String, String> record = seen.stream().filter(r -> key.toString().equals(r.key())).findFirst().orElseThrow();
            assertEquals("00-" + traceId + "-00f067aa0ba902b7-01", header(record, CloudEventHeaders.TRACEPARENT));
            assertEquals("rongtong=test", header(record, CloudEventHeaders.TRACESTATE));
        }
        ConsumerRecord<String, String> plain = seen.stream().filter(r -> untraced.toString().equals(r.key())).findFirst().orElseThrow();
        assertEquals(null, header(plain, CloudEventHeaders.TRACEPARENT), "no trace, no header");
    }

    @Test
    void aStoppedRelayPublishesNothingUntilItStartsAgain() throws Exception {
        UUID id;
        relay.stop();
        try {
            id = create("while stopped", false);
            // the topic also holds the other tests' records: only this one must not come
            long until = System.currentTimeMillis() + 2_000;
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    assertFalse(id.toString().equals(r.key()), "a stopped relay published");
                }
            }
            assertTrue(outboxRows() >= 1, "the event waits in the outbox");
        } finally {
            relay.start();
        }
        assertEquals(id.toString(), awaitRecordFor(id).key());
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows() == 0);
    }

    private UUID create(String name, boolean fail) {
        return onVertx(() -> widgets.create(name, fail));
    }

    private long outboxRows() {
        return onVertx(() -> Panache.withSession(() -> OutboxEvent.count()));
    }

    private long widgetsNamed(String name) {
        return onVertx(() -> Panache.withSession(() -> Widget.count("name", name)));
    }

    private static <T> T onVertx(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private ConsumerRecord<String, String> awaitRecordFor(UUID id) {
        List<ConsumerRecord<String, String>> seen = consumeUntil(id);
        return seen.get(seen.size() - 1);
    }

    private List<ConsumerRecord<String, String>> consumeUntil(UUID key) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                seen.add(r);
                if (key.toString().equals(r.key())) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no record with key " + key + " within 60 s; saw " + seen.size());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}

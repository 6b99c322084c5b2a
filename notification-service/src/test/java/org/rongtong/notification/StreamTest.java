package org.rongtong.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rongtong.testing.Api;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class StreamTest {

    @TestHTTPResource("/api/v1/stream")
    URI stream;

    /** One server-sent event: its id and the CloudEvent id inside its data. */
    record Sent(String id, String eventId) {
    }

    /** Reads the stream in the background into a queue; closing the returned stream disconnects. */
    private Stream<String> open(String token, String query, String lastEventId, BlockingQueue<Sent> into) throws Exception {
        return SseClient.open(stream, token, query, lastEventId, e -> into.add(new Sent(e.id(), e.eventId())));
    }

    @Test
    void aBureauStreamsItsRegionsMatchesOnlyAndResumesAfterLastEventId() throws Exception {
        String chain = WebhookDeliveryTest.uniqueChain();
        BlockingQueue<Sent> live = new LinkedBlockingQueue<>();
        String a;
        String c;
        Sent first;
        Sent second;
        try (Stream<String> ignored = open(DevTokens.bureau("37"), "?chain=" + chain, null, live)) {
            a = WebhookDeliveryTest.publish(UUID.randomUUID(), UUID.randomUUID(), chain, "3702");
            WebhookDeliveryTest.publish(UUID.randomUUID(), UUID.randomUUID(), chain, "4403"); // not this bureau's
            c = WebhookDeliveryTest.publish(UUID.randomUUID(), UUID.randomUUID(), chain, "3705");
            first = live.poll(20, TimeUnit.SECONDS);
            second = live.poll(20, TimeUnit.SECONDS);
            assertNotNull(first);
            assertNotNull(second);
            // two demands, two partitions: the stream has its own order, not the order of publication
            assertEquals(java.util.Set.of(a, c), java.util.Set.of(first.eventId(), second.eventId()));
            assertEquals(null, live.poll(1, TimeUnit.SECONDS), "Guangdong's event stays out of Shandong's stream");
        }

        // reconnecting after the first event replays what followed it
        BlockingQueue<Sent> resumed = new LinkedBlockingQueue<>();
        try (Stream<String> ignored = open(DevTokens.bureau("37"), "?chain=" + chain, first.id(), resumed)) {
            Sent replayed = resumed.poll(10, TimeUnit.SECONDS);
            assertNotNull(replayed);
            assertEquals(second.eventId(), replayed.eventId());
        }
    }

    @Test
    void anEnterpriseStreamsOnlyEventsAboutItself() throws Exception {
        String chain = WebhookDeliveryTest.uniqueChain();
        UUID me = UUID.randomUUID();
        BlockingQueue<Sent> live = new LinkedBlockingQueue<>();
        try (Stream<String> ignored = open(DevTokens.enterprise(me), "?chain=" + chain, null, live)) {
            WebhookDeliveryTest.publish(UUID.randomUUID(), UUID.randomUUID(), chain, "44");
            String mine = WebhookDeliveryTest.publish(UUID.randomUUID(), me, chain, "44");
            Sent got = live.poll(20, TimeUnit.SECONDS);
            assertNotNull(got);
            assertEquals(mine, got.eventId());
            List<Sent> more = new ArrayList<>();
            live.drainTo(more);
            assertTrue(more.isEmpty(), more.toString());
        }
    }

    @Test
    void aBureauCannotStreamOutsideItsRegion() {
        Api.asBureau("37").when().get("/api/v1/stream?regionPrefix=44")
                .then().statusCode(400).contentType("application/problem+json");
    }
}

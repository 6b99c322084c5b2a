package org.rongtong.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rongtong.notification.WebhookDeliveryTest.log;
import static org.rongtong.notification.WebhookDeliveryTest.publish;
import static org.rongtong.notification.WebhookDeliveryTest.subscribe;
import static org.rongtong.notification.WebhookDeliveryTest.uniqueChain;

import java.net.URL;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.PrometheusText;
import org.rongtong.testing.TestDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** notification-service's delivery metrics on the management port count each recorded outcome once. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class NotificationMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private PrometheusText scrape() {
        return PrometheusText.parse(given().when().get(metrics).then().statusCode(200).extract().asString());
    }

    @Test
    void successesFailedAttemptsAndParkedDeliveriesAreCountedOnce() throws Exception {
        try (Receiver flaky = new Receiver(n -> n == 1 ? 500 : 204); Receiver broken = new Receiver(n -> 503)) {
            String token = DevTokens.operator();
            String flakyChain = uniqueChain();
            String brokenChain = uniqueChain();
            String flakySub = subscribe(token, flaky.url(), flakyChain).getString("id");
            String brokenSub = subscribe(token, broken.url(), brokenChain).getString("id");
            awaitNoDeliveryInFlight();
            PrometheusText before = scrape();

            publish(UUID.randomUUID(), UUID.randomUUID(), flakyChain, "3702");
            publish(UUID.randomUUID(), UUID.randomUUID(), brokenChain, "3702");
            await().atMost(WAIT).until(() -> "DELIVERED".equals(log(token, flakySub).getString("items[0].status")));
            await().atMost(WAIT).until(() -> "FAILED".equals(log(token, brokenSub).getString("items[0].status")));

            // the flaky receiver: one failed attempt, then the success; the broken one: max-attempts (4 in %test) failed
            // attempts, the last of which parks the delivery
            await().atMost(WAIT).untilAsserted(() -> {
                PrometheusText after = scrape();
                assertEquals(before.value("rongtong_webhook_deliveries_succeeded_total") + 1, after.value("rongtong_webhook_deliveries_succeeded_total"));
                assertEquals(before.value("rongtong_webhook_deliveries_failed_total") + 5, after.value("rongtong_webhook_deliveries_failed_total"));
                assertEquals(before.value("rongtong_webhook_deliveries_parked_total") + 1, after.value("rongtong_webhook_deliveries_parked_total"));
                assertEquals(before.value("rongtong_webhook_subscriptions_paused_total"), after.value("rongtong_webhook_subscriptions_paused_total"),
                        "4 failures in a row stay below pause-after (6 in %test)");
            });
        }
    }

    /** Earlier tests' deliveries to receivers long closed may still be retrying: they would move the counters meanwhile. */
    private static void awaitNoDeliveryInFlight() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Connection c = TestDatabase.connect()) {
                return TestDatabase.count(c, """
                        SELECT count(*) FROM delivery d JOIN subscription s ON s.id = d.subscription_id
                        WHERE d.status = 'PENDING' AND s.status = 'ACTIVE'""") == 0;
            }
        });
    }
}

package org.rongtong.registry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rongtong.registry.RegistryTestSupport.profile;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rongtong.outbox.OutboxRelay;
import org.rongtong.testing.Api;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.OutboxDrain;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.PrometheusText;
import org.rongtong.testing.TestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** registry-service's business metrics on the management port move with what was committed, and only with that. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class RegistryMetricsTest {

    private static final Duration DRAIN = Duration.ofSeconds(30);

    /** The management interface's /q/metrics (paths are relative to its root, /q). */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Inject
    OutboxRelay relay;

    private PrometheusText scrape() {
        return PrometheusText.parse(given().when().get(metrics).then().statusCode(200).extract().asString());
    }

    @Test
    void aRegistrationCountsOnceNeitherItsReplayNorARefusedDuplicateCount() {
        OutboxDrain.await(DRAIN);
        PrometheusText before = scrape();
        Map<String, Object> body = profile();
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            Api.asPartner().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/enterprises").then().statusCode(201);
        }
        // the same credit code again, without the key: a conflict, its transaction rolled back
        Api.asOperator().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/enterprises").then().statusCode(409);
        OutboxDrain.await(DRAIN);

        PrometheusText after = scrape();
        assertEquals(before.value("rongtong_enterprises_registered_total") + 1, after.value("rongtong_enterprises_registered_total"));
        assertEquals(before.value("rongtong_outbox_published_total") + 1, after.value("rongtong_outbox_published_total"),
                "one event relayed: the registration's");
    }

    @Test
    void everyRowABulkImportRegistersCounts() {
        OutboxDrain.await(DRAIN);
        double before = scrape().value("rongtong_enterprises_registered_total");
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            ndjson.append("{\"name\":\"计量导入企业").append(i).append("\",\"creditCode\":\"").append(TestData.creditCode("370211"))
                    .append("\",\"kind\":\"SME\",\"regionCode\":\"370211\",\"capabilities\":[\"注塑\"]}\n");
        }
        ndjson.append("{\"name\":\"坏行\",\"creditCode\":\"").append(TestData.creditCode("370211")).append("\",\"kind\":\"GIANT\",\"regionCode\":\"370211\"}\n");
        given().config(BulkImportTest.AS_SENT).auth().oauth2(DevTokens.partner()).contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/enterprises/imports")
                .then().statusCode(200).body("done", equalTo(3));
        OutboxDrain.await(DRAIN);

        assertEquals(before + 3, scrape().value("rongtong_enterprises_registered_total"), "the three good rows, not the bad one");
    }

    @Test
    void theOutboxBacklogAndTheRelayAreWatched() {
        PrometheusText now = scrape();
        assertTrue(now.has("rongtong_outbox_backlog"), "backlog gauge");
        assertTrue(now.has("rongtong_outbox_oldest_age_seconds"), "age of the oldest row");
        assertTrue(now.value("rongtong_outbox_oldest_age_seconds") >= 0);
        assertEquals(0.0, now.value("rongtong_outbox_relay_failing"), "the relay's rounds succeed");
        given().when().get(ready).then().statusCode(200)
                .body("checks.name", hasItem("outbox-relay"))
                .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox-relay' }.data.enabled", equalTo(true));
    }

    @Test
    void aStalledRelayShowsAsABacklogThatAgesAndDrainsWhenItResumes() {
        OutboxDrain.await(DRAIN);
        relay.stop();
        try {
            RegistryTestSupport.registered(profile());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                PrometheusText now = scrape();
                assertTrue(now.value("rongtong_outbox_backlog") >= 1, "the registration's event waits");
                assertTrue(now.value("rongtong_outbox_oldest_age_seconds") > 0, "and ages");
            });
        } finally {
            relay.start();
        }
        OutboxDrain.await(DRAIN);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(0.0, scrape().value("rongtong_outbox_backlog")));
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPortAndNotBesideTheApi() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
        assertTrue(metrics.getPort() != io.restassured.RestAssured.port, "a port of its own");
        given().when().get(metrics).then().statusCode(200).body(org.hamcrest.Matchers.containsString("rongtong_enterprises_registered_total"));
        assertTrue(metrics.getPath().equals("/q/metrics"), metrics.toString());
        // the API's description stays public
        given().when().get("/q/openapi?format=json").then().statusCode(200);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}

package org.rongtong.registry;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rongtong.registry.RegistryTestSupport.profile;
import static org.rongtong.registry.RegistryTestSupport.registered;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.testing.Api;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TestJson;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class EnterpriseChangeTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;
    private static TopicProbe events;

    @BeforeAll
    static void probe() {
        events = TopicProbe.of(Topics.ENTERPRISES);
    }

    @AfterAll
    static void closeProbe() {
        events.close();
    }

    private static io.restassured.response.Response put(String id, String ifMatch, Map<String, Object> body) {
        var request = Api.asOperator().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/enterprises/" + id);
    }

    private static JsonNode eventData(String id, String type) throws Exception {
        ConsumerRecord<String, String> record = events.awaitKey(id, type, Duration.ofSeconds(30));
        return JSON.readTree(record.value());
    }

    @Test
    void everyChangeEmitsTheFullSnapshotWithTheVersionOneHigherAndNoContacts() throws Exception {
        Map<String, Object> body = profile();
        String id = registered(body);
        JsonNode registeredEvent = eventData(id, EventTypes.ENTERPRISE_REGISTERED);
        assertEquals(1, registeredEvent.get("version").asInt());
        assertEquals("Qingdao Precision Mould Co., Ltd.", registeredEvent.get("englishName").asText());
        assertEquals("[\"精密注塑\",\"ABS 改性\"]", registeredEvent.get("capabilities").toString());
        assertEquals("[\"ISO 9001\",\"高新技术企业\"]", registeredEvent.get("certifications").toString());
        assertEquals(320, registeredEvent.get("employees").asInt());
        assertEquals("PROVINCIAL", registeredEvent.get("tierLevel").asText());

        body.put("capabilities", List.of("精密注塑", "模具开发"));
        put(id, "\"1\"", body).then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
        JsonNode updated = eventData(id, EventTypes.ENTERPRISE_UPDATED);
        assertEquals(2, updated.get("version").asInt());
        assertEquals("[\"精密注塑\",\"模具开发\"]", updated.get("capabilities").toString());

        Api.asOperator().header("If-Match", "\"2\"").when().post("/api/v1/enterprises/" + id + "/deactivate")
                .then().statusCode(200).body("active", equalTo(false)).body("version", equalTo(3));
        JsonNode deactivated = eventData(id, EventTypes.ENTERPRISE_DEACTIVATED);
        assertEquals(3, deactivated.get("version").asInt());
        assertFalse(deactivated.get("active").asBoolean());

        Api.asOperator().header("If-Match", "\"3\"").when().post("/api/v1/enterprises/" + id + "/reactivate")
                .then().statusCode(200).body("active", equalTo(true)).body("version", equalTo(4));
        JsonNode reactivated = eventData(id, EventTypes.ENTERPRISE_REACTIVATED);
        assertEquals(4, reactivated.get("version").asInt());

        for (JsonNode event : List.of(registeredEvent, updated, deactivated, reactivated)) {
            assertFalse(event.has("contacts"), "contacts must never travel in events: " + event);
            assertFalse(event.toString().contains("13800138000") || event.toString().contains("wang@example.cn"), event.toString());
            assertEquals(id, event.get("id").asText());
            assertEquals("370211", event.get("regionCode").asText());
        }
    }

    @Test
    void anUpdateNeedsIfMatchAndFailsOnAStaleVersion() {
        Map<String, Object> body = profile();
        String id = registered(body);
        put(id, null, body).then().statusCode(428).contentType("application/problem+json");
        put(id, "\"7\"", body).then().statusCode(412).contentType("application/problem+json");
        body.put("creditCode", org.rongtong.testing.TestData.creditCode("370211"));
        put(id, "\"1\"", body).then().statusCode(400).body("errors[0].field", equalTo("creditCode"));
    }

    @Test
    void twoUpdatesRacingWithTheSameETagLeaveExactlyOneWinner() throws Exception {
        Map<String, Object> body = profile();
        String id = registered(body);
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            String etag = Api.asOperator().when().get("/api/v1/enterprises/" + id).then().extract().header("ETag");
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Map<String, Object> change = new java.util.HashMap<>(body);
                change.put("description", "round " + round + " racer " + i);
                racers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return put(id, etag, change).statusCode();
                }));
            }
            start.countDown();
            List<Integer> results = racers.stream().map(CompletableFuture::join).sorted().toList();
            assertEquals(List.of(200, 412), results, "round " + round);
            statuses.addAll(results);
        }
        Api.asOperator().when().get("/api/v1/enterprises/" + id).then().body("version", equalTo(4));
        assertTrue(statuses.stream().filter(s -> s == 200).count() == 3);
    }

    @Test
    void contactsAreShownOnlyToTheEnterpriseItselfOperatorsAndPartnersActingForIt() {
        String id = registered(profile());
        Api.asEnterprise(UUID.fromString(id)).when().get("/api/v1/enterprises/" + id)
                .then().statusCode(200).body("contacts[0].phone", equalTo("13800138000"));
        Api.asPartner(UUID.fromString(id)).when().get("/api/v1/enterprises/" + id)
                .then().statusCode(200).body("contacts", notNullValue());
        Api.asBureau("37").when().get("/api/v1/enterprises/" + id)
                .then().statusCode(200).body("contacts", nullValue());
        Api.asEnterprise(UUID.randomUUID()).when().get("/api/v1/enterprises/" + id)
                .then().statusCode(200).body("contacts", nullValue());
    }

    @Test
    void anotherEnterpriseMayNotChangeAProfile() {
        Map<String, Object> body = profile();
        String id = registered(body);
        Api.asEnterprise(UUID.randomUUID()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(body).when().put("/api/v1/enterprises/" + id).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void reactivatingWhileAnotherActiveEnterpriseHoldsTheCodeIsAConflict() {
        Map<String, Object> body = profile();
        String first = registered(body);
        Api.asOperator().header("If-Match", "\"1\"").when().post("/api/v1/enterprises/" + first + "/deactivate")
                .then().statusCode(200);
        registered(body);
        Api.asOperator().header("If-Match", "\"2\"").when().post("/api/v1/enterprises/" + first + "/reactivate")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheFirstResult() {
        Map<String, Object> body = profile();
        String key = UUID.randomUUID().toString();
        String first = Api.asPartner().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/enterprises").then().statusCode(201).extract().path("id");
        Api.asPartner().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/enterprises").then().statusCode(201).body("id", equalTo(first))
                .header("Idempotent-Replayed", "true");
        Map<String, Object> other = new java.util.HashMap<>(body);
        other.put("name", "别的公司");
        Api.asPartner().header("Idempotency-Key", key).contentType(ContentType.JSON).body(other)
                .when().post("/api/v1/enterprises").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void anIdempotencyKeyIsScopedPerCallerSoAnotherCallersSameKeyIsIndependent() {
        String key = UUID.randomUUID().toString();
        String partners = Api.asPartner().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(profile()).when().post("/api/v1/enterprises").then().statusCode(201).extract().path("id");
        // the operator's request with the same key and another body is its own: no 422, no replay of the partner's result
        var operators = Api.asOperator().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(profile()).when().post("/api/v1/enterprises");
        operators.then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        org.junit.jupiter.api.Assertions.assertNotEquals(partners, operators.path("id"));
    }
}

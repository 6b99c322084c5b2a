package org.rongtong.demand;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rongtong.demand.Fixtures.assertProblem;
import static org.rongtong.demand.Fixtures.createDemand;
import static org.rongtong.demand.Fixtures.demand;
import static org.rongtong.demand.Fixtures.eventTypesUpTo;
import static org.rongtong.demand.Fixtures.get;
import static org.rongtong.demand.Fixtures.post;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.testing.Api;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TopicProbe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** DRAFT → PUBLISHED → CLOSED | WITHDRAWN (EXPIRED: DemandExpiryTest), legal and illegal, and If-Match updates. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class DemandLifecycleTest {

    private static TopicProbe demands;
    private static UUID leader;
    private static String token;

    @BeforeAll
    static void setUp() {
        demands = TopicProbe.of(Topics.DEMANDS);
        leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        token = DevTokens.enterprise(leader);
    }

    @AfterAll
    static void tearDown() {
        demands.close();
    }

    @Test
    void aDraftIsPrivateAndSilentUntilItsPublisherPublishesIt() {
        String id = post(token, "/api/v1/demands?draft=true", demand()).then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("publishedAt", nullValue()).body("version", equalTo(1)).extract().path("id");

        assertProblem(get(DevTokens.enterprise(UUID.randomUUID()), "/api/v1/demands/" + id), 404);
        assertProblem(get(DevTokens.bureau("37"), "/api/v1/demands/" + id), 404);
        get(token, "/api/v1/demands/" + id).then().statusCode(200).body("status", equalTo("DRAFT"));

        post(token, "/api/v1/demands/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("version", equalTo(2)).header("ETag", "\"2\"");

        assertEquals(List.of(EventTypes.DEMAND_PUBLISHED), eventTypesUpTo(demands, id, EventTypes.DEMAND_PUBLISHED));
        ConsumerRecord<String, String> published = demands.awaitKey(id, EventTypes.DEMAND_PUBLISHED, Duration.ofSeconds(5));
        assertTrue(published.value().contains("\"version\":2"), published.value());
    }

    @Test
    void closingAndWithdrawingAPublishedDemandEachPublishItsSnapshot() {
        String closed = createDemand(token, demand(), false);
        post(token, "/api/v1/demands/" + closed + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));
        String withdrawn = createDemand(token, demand(), false);
        post(token, "/api/v1/demands/" + withdrawn + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));

        assertEquals(List.of(EventTypes.DEMAND_PUBLISHED, EventTypes.DEMAND_CLOSED), eventTypesUpTo(demands, closed, EventTypes.DEMAND_CLOSED));
        assertEquals(List.of(EventTypes.DEMAND_PUBLISHED, EventTypes.DEMAND_WITHDRAWN),
                eventTypesUpTo(demands, withdrawn, EventTypes.DEMAND_WITHDRAWN));
        assertTrue(demands.awaitKey(closed, EventTypes.DEMAND_CLOSED, Duration.ofSeconds(5)).value().contains("\"status\":\"CLOSED\""));
    }

    @Test
    void everyTransitionTheLifecycleLacksAnswers409AndEmitsNothing() {
        String draft = createDemand(token, demand(), true);
        assertProblem(post(token, "/api/v1/demands/" + draft + "/close"), 409);
        assertProblem(post(token, "/api/v1/demands/" + draft + "/withdraw"), 409);

        String published = createDemand(token, demand(), false);
        post(token, "/api/v1/demands/" + published + "/publish").then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Illegal transition"));

        String closed = createDemand(token, demand(), false);
        post(token, "/api/v1/demands/" + closed + "/close").then().statusCode(200);
        for (String action : List.of("publish", "close", "withdraw")) {
            assertProblem(post(token, "/api/v1/demands/" + closed + "/" + action), 409);
        }
        assertProblem(put(closed, "\"2\"", demand()), 409);
        assertProblem(Api.as(token).delete("/api/v1/demands/" + closed), 409);

        String withdrawn = createDemand(token, demand(), false);
        post(token, "/api/v1/demands/" + withdrawn + "/withdraw").then().statusCode(200);
        for (String action : List.of("publish", "close", "withdraw")) {
            assertProblem(post(token, "/api/v1/demands/" + withdrawn + "/" + action), 409);
        }

        // a later legal change of each demand proves, by per-key order, that the refused ones left no event behind
        post(token, "/api/v1/demands/" + draft + "/publish").then().statusCode(200);
        assertEquals(List.of(EventTypes.DEMAND_PUBLISHED), eventTypesUpTo(demands, draft, EventTypes.DEMAND_PUBLISHED));
        post(token, "/api/v1/demands/" + published + "/close").then().statusCode(200);
        assertEquals(List.of(EventTypes.DEMAND_PUBLISHED, EventTypes.DEMAND_CLOSED), eventTypesUpTo(demands, published, EventTypes.DEMAND_CLOSED));
        assertEquals(List.of(EventTypes.DEMAND_PUBLISHED, EventTypes.DEMAND_CLOSED), eventTypesUpTo(demands, closed, EventTypes.DEMAND_CLOSED));
        assertEquals(List.of(EventTypes.DEMAND_PUBLISHED, EventTypes.DEMAND_WITHDRAWN),
                eventTypesUpTo(demands, withdrawn, EventTypes.DEMAND_WITHDRAWN));
    }

    @Test
    void anUpdateNeedsTheCurrentVersionInIfMatchAndPublishesTheNewSnapshot() {
        String id = createDemand(token, demand(), false);
        Map<String, Object> changed = demand();
        changed.put("title", "洗衣机内桶精密注塑件配套（二期）");
        changed.put("specification", "ABS改性，壁厚公差±0.05mm");
        changed.put("quantity", 500000);
        changed.put("quantityUnit", "件/年");

        assertProblem(put(id, null, changed), 428);
        put(id, "\"7\"", changed).then().statusCode(412).contentType("application/problem+json");
        put(id, "\"1\"", changed).then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("title", equalTo("洗衣机内桶精密注塑件配套（二期）")).body("quantityUnit", equalTo("件/年"));
        // the same (now stale) version again loses
        assertProblem(put(id, "\"1\"", changed), 412);

        assertEquals(List.of(EventTypes.DEMAND_PUBLISHED, EventTypes.DEMAND_UPDATED), eventTypesUpTo(demands, id, EventTypes.DEMAND_UPDATED));
        String updated = demands.awaitKey(id, EventTypes.DEMAND_UPDATED, Duration.ofSeconds(5)).value();
        assertTrue(updated.contains("（二期）") && updated.contains("\"version\":2") && updated.contains("\"quantity\":500000"), updated);
    }

    @Test
    void aDraftsUpdatesEmitNothingAndTheContactPersonStaysWithThePublisher() {
        Map<String, Object> body = demand();
        body.put("contact", Map.of("name", "王经理", "phone", "+86 532 8888 0000"));
        String id = createDemand(token, body, true);
        Map<String, Object> changed = demand();
        changed.put("title", "草稿修改后的标题");
        changed.put("contact", Map.of("name", "王经理", "email", "wang@example.com"));
        put(id, "\"1\"", changed).then().statusCode(200).body("version", equalTo(2)).body("contact.email", equalTo("wang@example.com"));
        post(token, "/api/v1/demands/" + id + "/publish").then().statusCode(200).body("version", equalTo(3));

        get(DevTokens.partner(leader), "/api/v1/demands/" + id).then().statusCode(200).body("contact.name", equalTo("王经理"));
        get(DevTokens.partner(UUID.randomUUID()), "/api/v1/demands/" + id).then().statusCode(200).body("contact", nullValue());
        get(DevTokens.bureau("37"), "/api/v1/demands/" + id).then().statusCode(200).body("contact", nullValue());
        get(DevTokens.enterprise(UUID.randomUUID()), "/api/v1/demands/" + id).then().statusCode(200).body("contact", nullValue());

        assertEquals(List.of(EventTypes.DEMAND_PUBLISHED), eventTypesUpTo(demands, id, EventTypes.DEMAND_PUBLISHED));
        String published = demands.awaitKey(id, EventTypes.DEMAND_PUBLISHED, Duration.ofSeconds(5)).value();
        assertTrue(published.contains("草稿修改后的标题"), published);
        assertFalse(published.contains("王经理") || published.contains("wang@example.com"), "personal data in an event: " + published);
    }

    @Test
    void onlyWhoeverActsForThePublisherChangesADemand() {
        String id = createDemand(token, demand(), false);
        assertProblem(post(DevTokens.enterprise(UUID.randomUUID()), "/api/v1/demands/" + id + "/close"), 403);
        assertProblem(post(DevTokens.bureau("37"), "/api/v1/demands/" + id + "/close"), 403);
        assertProblem(put(id, "\"1\"", demand(), DevTokens.enterprise(UUID.randomUUID())), 403);
        post(DevTokens.operator(), "/api/v1/demands/" + id + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void aDraftIsDiscardedWithoutTraceButAPublishedDemandIsNot() {
        String draft = createDemand(token, demand(), true);
        Api.as(token).delete("/api/v1/demands/" + draft).then().statusCode(204);
        assertProblem(get(token, "/api/v1/demands/" + draft), 404);

        String published = createDemand(token, demand(), false);
        assertProblem(Api.as(token).delete("/api/v1/demands/" + published), 409);
        get(token, "/api/v1/demands/" + published).then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void aDraftWhosePublisherWasDeactivatedMeanwhileIsNotPublished() {
        UUID other = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        String id = createDemand(DevTokens.enterprise(other), demand(), true);

        Fixtures.announce(other, EnterpriseKind.CHAIN_LEADER, "370212", 2, false);

        post(DevTokens.enterprise(other), "/api/v1/demands/" + id + "/publish").then().statusCode(422)
                .contentType("application/problem+json").body("title", equalTo("Inactive publisher"));
        get(DevTokens.enterprise(other), "/api/v1/demands/" + id).then().body("status", equalTo("DRAFT")).body("version", equalTo(1));
    }

    private static io.restassured.response.Response put(String id, String ifMatch, Map<String, Object> body) {
        return put(id, ifMatch, body, token);
    }

    private static io.restassured.response.Response put(String id, String ifMatch, Map<String, Object> body, String as) {
        var request = Api.as(as).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/demands/" + id);
    }
}

package org.rongtong.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rongtong.events.CloseReason;
import org.rongtong.events.CooperationField;
import org.rongtong.events.EventTypes;
import org.rongtong.events.MatchChanged;
import org.rongtong.events.MatchStatus;
import org.rongtong.events.Topics;
import org.rongtong.testing.Api;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TestJson;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * ADR 0015 in notification-service: an ended match tells the enterprise that did not cause it, through the broker; and
 * {@code Idempotency-Key} on subscription creation is scoped per caller.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class LooseEndsNotificationTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;

    private static int total(String token) {
        return Api.as(token).when().get("/api/v1/inbox").then().statusCode(200).extract().path("total");
    }

    private static void publishEnd(UUID demand, UUID publisher, UUID candidate, MatchStatus from, CloseReason reason) throws Exception {
        MatchChanged change = new MatchChanged(UUID.randomUUID(), 3, demand, publisher, candidate, "青岛精工模具", CooperationField.PRODUCT_SUPPORTING,
                "HOME_APPLIANCES", "洗衣机内桶精密注塑件配套", "3702", from, MatchStatus.ENDED, MatchChanged.VIA_END, null, null, Instant.now(), reason,
                "3702", null);
        TopicProbe.publish(Topics.MATCHES, demand.toString(), EventTypes.MATCH_ENDED, JSON.writeValueAsString(change), UUID.randomUUID().toString());
    }

    @Test
    void aMatchEndedByItsDemandTellsTheCandidateAndOneEndedByTheCandidatesDeactivationTellsThePublisher() throws Exception {
        UUID publisher = UUID.randomUUID();
        UUID candidate = UUID.randomUUID();
        UUID leaving = UUID.randomUUID();
        UUID demand = UUID.randomUUID();

        publishEnd(demand, publisher, candidate, MatchStatus.SHORTLISTED, CloseReason.DEMAND_WITHDRAWN);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(DevTokens.enterprise(candidate)) == 1);
        Api.asEnterprise(candidate).when().get("/api/v1/inbox").then().statusCode(200)
                .body("items[0].eventType", equalTo(EventTypes.MATCH_ENDED)).body("items[0].demandId", equalTo(demand.toString()))
                .body("items[0].title", containsString("已撤回")).body("items[0].body", containsString("SHORTLISTED"));

        publishEnd(demand, publisher, leaving, MatchStatus.INTERESTED, CloseReason.ENTERPRISE_DEACTIVATED);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(DevTokens.enterprise(publisher)) == 1);
        Api.asEnterprise(publisher).when().get("/api/v1/inbox").then().statusCode(200)
                .body("items[0].title", containsString("已退出对接")).body("items[0].body", containsString("deactivated"));
        // the publisher did not hear of the end it caused, the deactivated candidate hears nothing
        assertEquals(1, total(DevTokens.enterprise(publisher)));
        assertEquals(0, total(DevTokens.enterprise(leaving)));
        // nobody else reads those notifications
        Api.asEnterprise(UUID.randomUUID()).when().get("/api/v1/inbox?enterpriseId=" + candidate)
                .then().statusCode(403);
    }

    private static Response subscribe(String token, String key, Map<String, Object> body) {
        var request = Api.as(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/subscriptions");
    }

    @Test
    void aRepeatedSubscriptionWithTheSameKeyReplaysTheFirstWithItsSecretAndAnotherCallersKeyIsItsOwn() {
        UUID owner = UUID.randomUUID();
        String token = DevTokens.enterprise(owner);
        String key = "sub-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/hooks/" + owner, "description", "ERP");

        Response first = subscribe(token, key, body);
        assertEquals(201, first.statusCode(), first.asString());
        assertNull(first.header("Idempotent-Replayed"));
        Response again = subscribe(token, key, body);
        assertEquals(201, again.statusCode(), again.asString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.<String>path("id"), again.path("id"));
        assertEquals(first.<String>path("secret"), again.<String>path("secret"), "the first answer, secret included");
        Api.as(token).when().get("/api/v1/subscriptions").then().statusCode(200).body("total", equalTo(1));

        // another enterprise with the same key and body gets its own subscription, and never the first one's secret
        Response other = subscribe(DevTokens.enterprise(UUID.randomUUID()), key, body);
        assertEquals(201, other.statusCode(), other.asString());
        assertNotEquals(first.<String>path("id"), other.path("id"));
        assertNotEquals(first.<String>path("secret"), other.path("secret"));

        // the same key with another body is 422 and creates nothing
        Response changed = subscribe(token, key, Map.of("url", "http://127.0.0.1:9/hooks/other"));
        assertEquals(422, changed.statusCode(), changed.asString());
        assertEquals("application/problem+json", changed.contentType().split(";")[0]);
        Api.as(token).when().get("/api/v1/subscriptions").then().statusCode(200).body("total", equalTo(1));

        // once the first subscription is deleted, its key no longer replays anything
        Api.as(token).when().delete("/api/v1/subscriptions/" + first.<String>path("id")).then().statusCode(204);
        assertEquals(409, subscribe(token, key, body).statusCode());
        assertEquals(400, subscribe(token, "k".repeat(201), body).statusCode());
    }
}

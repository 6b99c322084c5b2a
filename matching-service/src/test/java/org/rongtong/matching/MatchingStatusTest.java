package org.rongtong.matching;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.events.Willingness;
import org.rongtong.testing.Api;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.RegistryEnterprise;
import org.rongtong.testing.TestJson;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * "Caught up" is visible (docs/adr/0023-replicas-that-agree.md): after enterprises and a demand were published, the
 * status shows both topics applied up to their end and this replica's index too, with a time a partner can compare
 * with its own request; readiness says the index caught up. Signed-in callers only, and it names no enterprise.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class MatchingStatusTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;
    private static final String STATUS = "/api/v1/matching/status";

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    private static UUID announce(EnterpriseKind kind, String region, List<String> capabilities, Map<CooperationField, Willingness> willingness)
            throws Exception {
        UUID id = UUID.randomUUID();
        return RegistryEnterprise.of(kind, region).id(id).name("水位测试企业" + id.toString().substring(0, 6)).tier("SPECIALIZED_SME")
                .capabilities(capabilities).willingness(willingness).publish();
    }

    private static JsonPath status(String token) {
        return Api.as(token).when().get(STATUS).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aPartnerSeesWhenMatchingHasProcessedWhatItPublished() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        UUID leader = announce(EnterpriseKind.CHAIN_LEADER, "370212", List.of("整机装配"), Map.of());
        UUID sme = announce(EnterpriseKind.SME, "370211", List.of("精密注塑", "模具开发"), Map.of(CooperationField.PRODUCT_SUPPORTING, Willingness.STRONG));
        DemandSnapshot demand = new DemandSnapshot(UUID.randomUUID(), 1, leader, CooperationField.PRODUCT_SUPPORTING, "HOME_APPLIANCES",
                "水位测试精密注塑件配套", "寻求精密注塑与模具开发", List.of("精密注塑", "模具开发"), List.of("37"), null, null,
                Instant.now().plusSeconds(30 * 86_400), DemandStatus.PUBLISHED, Instant.now(), Instant.now());
        TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(demand));
        String partner = DevTokens.partner(leader);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath s = status(partner);
            assertEquals(0L, s.getLong("topics.find { it.topic == 'registry.enterprises.v1' }.lag"), s.prettify());
            assertEquals(0L, s.getLong("topics.find { it.topic == 'demand.demands.v1' }.lag"), s.prettify());
            assertEquals(0L, s.getLong("index.lag"), s.prettify());
        });
        JsonPath s = status(partner);
        assertTrue(s.getBoolean("ready"), s.prettify());
        assertFalse(s.getString("replica").isBlank());
        for (String through : List.of(s.getString("topics[0].processedThrough"), s.getString("topics[1].processedThrough"),
                s.getString("index.processedThrough"))) {
            assertTrue(Instant.parse(through).isAfter(before), "processed through a time after the events were published: " + s.prettify());
        }
        List<Map<String, Object>> partitions = s.getList("topics.find { it.topic == 'registry.enterprises.v1' }.partitions");
        assertTrue(partitions.stream().anyMatch(p -> ((Number) p.get("appliedOffset")).longValue() >= 0 && p.get("appliedAt") != null),
                "a partition names the last offset applied and when: " + partitions);
        // caught up means what it says: the demand was ranked with the enterprise in it (others' tests add more candidates)
        Api.as(partner).when().get("/api/v1/demands/" + demand.id() + "/matches").then().statusCode(200)
                .body("enterpriseId", hasItem(sme.toString()));

        String health = given().when().get(ready).then().statusCode(200).extract().asString();
        assertTrue(health.contains("\"caughtUp\": true") || health.contains("\"caughtUp\":true"), health);
    }

    @Test
    void everySignedInRoleMayReadTheStatusButNoAnonymousCallerAndItNamesNoEnterprise() throws Exception {
        UUID sme = announce(EnterpriseKind.SME, "440305", List.of("电池包壳体"), Map.of(CooperationField.PROCUREMENT, Willingness.OPEN));
        given().when().get(STATUS).then().statusCode(401);
        Api.as("not-a-token").when().get(STATUS).then().statusCode(401);
        for (String token : List.of(DevTokens.operator(), DevTokens.bureau("44"), DevTokens.partner(), DevTokens.enterprise(sme))) {
            String body = Api.as(token).when().get(STATUS).then().statusCode(200).extract().asString();
            assertFalse(body.contains(sme.toString()), "offsets and times only: " + body);
        }
    }
}

package org.rongtong.demand;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.rongtong.testing.RegistryEnterprise;
import org.rongtong.testing.TopicProbe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class DemandPublicationTest {

    private static TopicProbe demands;

    @BeforeAll
    static void probe() {
        demands = TopicProbe.of(Topics.DEMANDS);
    }

    @AfterAll
    static void closeProbe() {
        demands.close();
    }

    private static io.restassured.response.Response publishAs(String token, Map<String, Object> body) {
        return Api.as(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/demands");
    }

    /** The projection is eventually consistent: wait until the publisher's event has arrived. */
    private static io.restassured.response.Response publishOnceKnown(String token, Map<String, Object> body, int expectedStatus) {
        io.restassured.response.Response[] last = new io.restassured.response.Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = publishAs(token, body);
            return last[0].statusCode() == expectedStatus;
        });
        return last[0];
    }

    @Test
    void aChainLeaderPublishesADemandAndItsSnapshotIsPublished() throws Exception {
        UUID leader = Fixtures.announce(UUID.randomUUID(), EnterpriseKind.CHAIN_LEADER, "370212", 1, true);

        String id = publishOnceKnown(DevTokens.enterprise(leader), Fixtures.demand(), 201).then()
                .body("status", equalTo("PUBLISHED")).body("version", equalTo(1))
                .body("publisherId", equalTo(leader.toString())).extract().path("id");

        Api.asBureau("37").when().get("/api/v1/demands/" + id)
                .then().statusCode(200).body("title", equalTo("洗衣机内桶精密注塑件配套"));
        ConsumerRecord<String, String> event = demands.awaitKey(id, EventTypes.DEMAND_PUBLISHED, Duration.ofSeconds(30));
        assertTrue(event.value().contains("\"publisherId\":\"" + leader + "\""), event.value());
        assertTrue(event.value().contains("\"status\":\"PUBLISHED\""), event.value());
    }

    @Test
    void anSmeMayNotPublish() throws Exception {
        UUID sme = Fixtures.announce(UUID.randomUUID(), EnterpriseKind.SME, "370212", 1, true);
        publishOnceKnown(DevTokens.enterprise(sme), Fixtures.demand(), 422).then()
                .contentType("application/problem+json").body("title", equalTo("Not a chain leader"));
    }

    @Test
    void anUnknownPublisherIsUnprocessable() {
        publishAs(DevTokens.enterprise(UUID.randomUUID()), Fixtures.demand()).then().statusCode(422)
                .contentType("application/problem+json").body("title", equalTo("Unknown publisher"));
    }

    @Test
    void aDeactivationThatArrivesLaterIsHonoured() throws Exception {
        UUID leader = Fixtures.announce(UUID.randomUUID(), EnterpriseKind.CHAIN_LEADER, "370212", 1, true);
        publishOnceKnown(DevTokens.enterprise(leader), Fixtures.demand(), 201);

        Fixtures.announce(leader, EnterpriseKind.CHAIN_LEADER, "370212", 2, false);
        publishOnceKnown(DevTokens.enterprise(leader), Fixtures.demand(), 422).then().body("title", equalTo("Inactive publisher"));
    }

    @Test
    void aPartnerMustNameThePublisherAndAnEnterpriseOnlyItself() throws Exception {
        publishAs(DevTokens.partner(), Fixtures.demand()).then().statusCode(400).body("errors[0].field", equalTo("publisherId"));

        Map<String, Object> forSomeoneElse = Fixtures.demand();
        forSomeoneElse.put("publisherId", UUID.randomUUID().toString());
        publishAs(DevTokens.enterprise(UUID.randomUUID()), forSomeoneElse).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aPartnerPublishesOnlyForTheEnterprisesItsTokenGrants() throws Exception {
        UUID leader = Fixtures.announce(UUID.randomUUID(), EnterpriseKind.CHAIN_LEADER, "370212", 1, true);
        publishOnceKnown(DevTokens.enterprise(leader), Fixtures.demand(), 201);
        Map<String, Object> forLeader = Fixtures.demand();
        forLeader.put("publisherId", leader.toString());
        long before = Fixtures.count("SELECT count(*) FROM demand WHERE publisher_id = ?", leader);

        publishAs(DevTokens.partner(UUID.randomUUID()), forLeader).then().statusCode(403).contentType("application/problem+json");
        assertEquals(before, Fixtures.count("SELECT count(*) FROM demand WHERE publisher_id = ?", leader));
        publishAs(DevTokens.partner(leader), forLeader).then().statusCode(201);
    }

    @Test
    void aDeadlineInThePastAndAnInvertedBudgetAreInvalid() throws Exception {
        UUID leader = Fixtures.announce(UUID.randomUUID(), EnterpriseKind.CHAIN_LEADER, "370212", 1, true);
        publishOnceKnown(DevTokens.enterprise(leader), Fixtures.demand(), 201);

        Map<String, Object> past = Fixtures.demand();
        past.put("deadline", "2020-01-01T00:00:00Z");
        publishAs(DevTokens.enterprise(leader), past).then().statusCode(400).body("errors[0].field", equalTo("deadline"));

        Map<String, Object> inverted = Fixtures.demand();
        inverted.put("budgetMin", 9_000_000);
        publishAs(DevTokens.enterprise(leader), inverted).then().statusCode(400)
                .body("errors[0].field", equalTo("budgetMax")).body("errors[0].message", containsString("budgetMin"));
    }

    @Test
    void enterpriseEventsPublishedTogetherApplyTheNewestVersionOfEachAndParkOnlyTheUnreadableOne() throws Exception {
        UUID stays = UUID.randomUUID();
        UUID leaves = UUID.randomUUID();
        String poisonKey = UUID.randomUUID().toString();
        try (TopicProbe deadLetters = TopicProbe.of("demand-service.dlq.v1")) {
            // one producer flush: the consumer reads them in one poll, and so handles them as one batch
            TopicProbe.publishTogether(List.of(
                    RegistryEnterprise.record(RegistryEnterprise.of(EnterpriseKind.CHAIN_LEADER, "370212").id(stays).snapshot()),
                    RegistryEnterprise.record(RegistryEnterprise.of(EnterpriseKind.CHAIN_LEADER, "370212").id(leaves).snapshot()),
                    TopicProbe.record(Topics.ENTERPRISES, poisonKey, EventTypes.ENTERPRISE_REGISTERED, "{not json", UUID.randomUUID().toString()),
                    RegistryEnterprise.record(RegistryEnterprise.of(EnterpriseKind.CHAIN_LEADER, "370212").id(leaves).version(2, false).snapshot())));

            ConsumerRecord<String, String> parked = deadLetters.await(r -> poisonKey.equals(r.key()), Duration.ofSeconds(30));
            assertTrue(TopicProbe.header(parked, "dead-letter-reason").contains("unreadable data"), TopicProbe.header(parked, "dead-letter-reason"));
            publishOnceKnown(DevTokens.enterprise(stays), Fixtures.demand(), 201);
            await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("SELECT count(*) FROM known_enterprise WHERE id = ? AND version = 2 AND NOT active", leaves) == 1);
            publishAs(DevTokens.enterprise(leaves), Fixtures.demand()).then().statusCode(422).contentType("application/problem+json");
            assertEquals(0, deadLetters.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> stays.toString().equals(r.key()) || leaves.toString().equals(r.key())).count(), "only the unreadable record is parked");
        }
    }

    @Test
    void aPoisonEnterpriseEventIsParkedInTheDeadLetterTopicWithItsReason() {
        String key = UUID.randomUUID().toString();
        try (TopicProbe deadLetters = TopicProbe.of("demand-service.dlq.v1")) {
            TopicProbe.publish(Topics.ENTERPRISES, key, EventTypes.ENTERPRISE_REGISTERED, "{not json");
            ConsumerRecord<String, String> parked = deadLetters.await(r -> key.equals(r.key()), Duration.ofSeconds(30));
            assertNotNull(TopicProbe.header(parked, "dead-letter-reason"));
            assertTrue(TopicProbe.header(parked, "dead-letter-reason").contains("unreadable data"),
                    TopicProbe.header(parked, "dead-letter-reason"));
        }
    }
}

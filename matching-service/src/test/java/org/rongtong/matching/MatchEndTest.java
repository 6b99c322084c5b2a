package org.rongtong.matching;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventTypes;
import org.rongtong.events.MatchChanged;
import org.rongtong.events.Topics;
import org.rongtong.events.Willingness;
import org.rongtong.testing.Api;
import org.rongtong.testing.ConsumerLag;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.RegistryEnterprise;
import org.rongtong.testing.TestData;
import org.rongtong.testing.TestJson;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A demand's end, or its candidate's deactivation, ends the live matches (PROPOSED, INTERESTED, SHORTLISTED) with a
 * {@code match.ended.v1} each; confirmed, declined and rejected matches keep their status (ADR 0015).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class MatchEndTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;
    private static final List<String> CAPABILITIES = List.of("电源模块", "变频控制板");

    private static EnterpriseSnapshot enterprise(String name, EnterpriseKind kind, String region, long version, boolean active, UUID id) {
        return new EnterpriseSnapshot(id, version, name, TestData.creditCode(region), kind, kind == EnterpriseKind.SME ? "SPECIALIZED_SME" : null,
                region, List.of("HOME_APPLIANCES"), kind == EnterpriseKind.SME ? CAPABILITIES : List.of("整机"), "",
                kind == EnterpriseKind.SME ? Map.of(CooperationField.PROCUREMENT, Willingness.STRONG) : Map.of(), active,
                Instant.now(), Instant.now());
    }

    private static UUID announce(EnterpriseSnapshot snapshot, String type) throws Exception {
        return RegistryEnterprise.publish(snapshot, type);
    }

    private static UUID register(String name, EnterpriseKind kind) throws Exception {
        return announce(enterprise(name, kind, "370211", 1, true, UUID.randomUUID()), EventTypes.ENTERPRISE_REGISTERED);
    }

    private static DemandSnapshot demand(UUID leader, long version, DemandStatus status, UUID id) {
        return new DemandSnapshot(id, version, leader, CooperationField.PROCUREMENT, "HOME_APPLIANCES", "需求：电源模块、变频控制板",
                "寻求电源模块和变频控制板合作", CAPABILITIES, List.of("37"), null, null, Instant.now().plusSeconds(30 * 86_400), status,
                Instant.now(), Instant.now());
    }

    private static DemandSnapshot publish(UUID leader) throws Exception {
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));
        DemandSnapshot demand = demand(leader, 1, DemandStatus.PUBLISHED, UUID.randomUUID());
        TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(demand));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asOperator()
                .when().get("/api/v1/demands/" + demand.id() + "/matches").then().statusCode(200));
        return demand;
    }

    private static String matchOf(DemandSnapshot demand, UUID enterprise) {
        String id = Api.asOperator().when().get("/api/v1/demands/" + demand.id() + "/matches")
                .then().statusCode(200).extract().path("find { it.enterpriseId == '" + enterprise + "' }.id");
        assertNotNull(id, "no match for " + enterprise);
        return id;
    }

    private static void move(UUID who, String match, String move) {
        Api.asEnterprise(who).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/matches/" + match + "/" + move).then().statusCode(200);
    }

    private static String status(String match) {
        return Api.asOperator().when().get("/api/v1/matches/" + match).then().statusCode(200)
                .extract().path("status");
    }

    private static MatchChanged ended(TopicProbe events, String match) throws Exception {
        ConsumerRecord<String, String> r = events.await(x -> EventTypes.MATCH_ENDED.equals(TopicProbe.header(x, "ce_type"))
                && x.value().contains(match), Duration.ofSeconds(30));
        return JSON.readValue(r.value(), MatchChanged.class);
    }

    /**
     * Distinct ended events of one match: delivery is at least once, so the relay may publish one twice (same ce_id).
     * Counted per match, since enterprises other tests register may be matched to the same open demand meanwhile.
     */
    private static long endedCount(TopicProbe events, String demandId, String match) {
        return events.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> demandId.equals(r.key()) && EventTypes.MATCH_ENDED.equals(TopicProbe.header(r, "ce_type"))
                        && r.value().contains(match))
                .map(r -> TopicProbe.header(r, "ce_id")).distinct().count();
    }

    @Test
    void aClosedDemandEndsItsLiveMatchesAndConfirmedDeclinedAndRejectedOnesKeepTheirStatus() throws Exception {
        UUID leader = register("海尔集团", EnterpriseKind.CHAIN_LEADER);
        UUID confirmed = register("青岛华晟电子", EnterpriseKind.SME);
        UUID declined = register("青岛恒星电源", EnterpriseKind.SME);
        UUID rejected = register("青岛明辉电子", EnterpriseKind.SME);
        UUID interested = register("青岛东元控制", EnterpriseKind.SME);
        UUID shortlisted = register("青岛海创电气", EnterpriseKind.SME);
        UUID proposed = register("青岛立信电源", EnterpriseKind.SME);
        DemandSnapshot demand = publish(leader);
        String c = matchOf(demand, confirmed), d = matchOf(demand, declined), r = matchOf(demand, rejected);
        String i = matchOf(demand, interested), s = matchOf(demand, shortlisted), p = matchOf(demand, proposed);
        move(confirmed, c, "interest");
        move(leader, c, "shortlist");
        move(leader, c, "confirm");
        move(declined, d, "decline");
        move(rejected, r, "interest");
        move(leader, r, "reject");
        move(interested, i, "interest");
        move(shortlisted, s, "interest");
        move(leader, s, "shortlist");

        try (TopicProbe events = TopicProbe.of(Topics.MATCHES)) {
            String closed = JSON.writeValueAsString(demand(leader, 2, DemandStatus.CLOSED, demand.id()));
            TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_CLOSED, closed);

            for (var expected : List.of(Map.entry(i, "INTERESTED"), Map.entry(s, "SHORTLISTED"), Map.entry(p, "PROPOSED"))) {
                MatchChanged end = ended(events, expected.getKey());
                assertEquals(expected.getValue(), end.previousStatus().name());
                assertEquals("ENDED", end.status().name());
                assertEquals(MatchChanged.VIA_END, end.via());
                assertEquals("DEMAND_CLOSED", end.endReason().name());
                assertEquals(demand.id(), end.demandId());
                assertEquals("ENDED", status(expected.getKey()));
            }
            assertEquals("COOPERATING", status(c));
            assertEquals("DECLINED", status(d));
            assertEquals("REJECTED", status(r));
            // the shortlisted candidate stays in the publisher's reserve, marked ENDED; the confirmed one stays COOPERATING
            Api.asEnterprise(leader).when().get("/api/v1/enterprises/" + leader + "/reserve-pools")
                    .then().statusCode(200)
                    .body("pools.find { it.code == 'PROCUREMENT_POOL' }.entries.matchId", org.hamcrest.Matchers.containsInAnyOrder(c, s))
                    .body("pools.find { it.code == 'PROCUREMENT_POOL' }.entries.find { it.matchId == '" + s + "' }.status", equalTo("ENDED"));
            // nobody moves an ended match: not the candidate, not the publisher
            Api.asEnterprise(leader).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/matches/" + s + "/confirm").then().statusCode(409);
            Api.asEnterprise(proposed).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/matches/" + p + "/interest").then().statusCode(409);

            // the same close delivered again ends nothing twice
            TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_CLOSED, closed);
            ConsumerLag.awaitCaughtUp("matching-service", Topics.DEMANDS, Duration.ofSeconds(30));
            for (String live : List.of(i, s, p)) {
                assertEquals(1, endedCount(events, demand.id().toString(), live), "one end for " + live);
            }
            for (String settled : List.of(c, d, r)) {
                assertEquals(0, endedCount(events, demand.id().toString(), settled), "no end for " + settled);
            }
        }
    }

    @Test
    void aWithdrawnOrExpiredDemandEndsItsMatchesWithThatReason() throws Exception {
        UUID leader = register("海信集团", EnterpriseKind.CHAIN_LEADER);
        UUID sme = register("青岛信芯电子", EnterpriseKind.SME);
        try (TopicProbe events = TopicProbe.of(Topics.MATCHES)) {
            for (var end : List.of(Map.entry(DemandStatus.WITHDRAWN, EventTypes.DEMAND_WITHDRAWN), Map.entry(DemandStatus.EXPIRED, EventTypes.DEMAND_EXPIRED))) {
                DemandSnapshot demand = publish(leader);
                String match = matchOf(demand, sme);
                TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), end.getValue(),
                        JSON.writeValueAsString(demand(leader, 2, end.getKey(), demand.id())));
                assertEquals("DEMAND_" + end.getKey().name(), ended(events, match).endReason().name());
            }
        }
    }

    @Test
    void aDeactivatedCandidatesLiveCandidaciesEndAndThePublisherKnowsWhy() throws Exception {
        UUID leader = register("澳柯玛集团", EnterpriseKind.CHAIN_LEADER);
        EnterpriseSnapshot leaving = enterprise("青岛远航电源", EnterpriseKind.SME, "370211", 1, true, UUID.randomUUID());
        announce(leaving, EventTypes.ENTERPRISE_REGISTERED);
        UUID staying = register("青岛长兴电子", EnterpriseKind.SME);
        DemandSnapshot first = publish(leader);
        DemandSnapshot second = publish(leader);
        String m1 = matchOf(first, leaving.id()), m2 = matchOf(second, leaving.id()), kept = matchOf(first, staying);
        move(leaving.id(), m2, "interest");

        try (TopicProbe events = TopicProbe.of(Topics.MATCHES)) {
            announce(enterprise("青岛远航电源", EnterpriseKind.SME, "370211", 2, false, leaving.id()), EventTypes.ENTERPRISE_DEACTIVATED);
            MatchChanged e1 = ended(events, m1);
            MatchChanged e2 = ended(events, m2);
            assertEquals("ENTERPRISE_DEACTIVATED", e1.endReason().name());
            assertEquals("PROPOSED", e1.previousStatus().name());
            assertEquals("INTERESTED", e2.previousStatus().name());
            assertEquals(leader, e2.publisherId());
        }
        assertEquals("PROPOSED", status(kept));
        Api.asOperator().when().get("/api/v1/matches/" + m1).then().body("status", equalTo("ENDED"));
    }
}

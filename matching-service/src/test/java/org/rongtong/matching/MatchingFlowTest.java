package org.rongtong.matching;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class MatchingFlowTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;

    private static UUID announceEnterprise(String name, EnterpriseKind kind, String region, List<String> capabilities,
            Map<CooperationField, Willingness> willingness) throws Exception {
        return RegistryEnterprise.of(kind, region).name(name).tier("SPECIALIZED_SME").capabilities(capabilities).willingness(willingness)
                .publish();
    }

    private static DemandSnapshot demandOf(UUID publisher) {
        return new DemandSnapshot(UUID.randomUUID(), 1, publisher, CooperationField.PRODUCT_SUPPORTING, "HOME_APPLIANCES",
                "洗衣机内桶精密注塑件配套", "寻求精密注塑配套", List.of("精密注塑", "模具开发"), List.of("37"), null, null,
                Instant.now().plusSeconds(30 * 86_400), DemandStatus.PUBLISHED, Instant.now(), Instant.now());
    }

    @Test
    void aPublishedDemandGetsRankedExplainedCandidatesAndOneMatchEvent() throws Exception {
        UUID leader = announceEnterprise("海尔集团", EnterpriseKind.CHAIN_LEADER, "370212", List.of("整机装配"), Map.of());
        UUID best = announceEnterprise("青岛精工模具", EnterpriseKind.SME, "370211", List.of("精密注塑", "模具开发"),
                Map.of(CooperationField.PRODUCT_SUPPORTING, Willingness.STRONG));
        UUID partial = announceEnterprise("烟台塑业", EnterpriseKind.SME, "370600", List.of("注塑"),
                Map.of(CooperationField.PRODUCT_SUPPORTING, Willingness.OPEN));
        UUID unwilling = announceEnterprise("潍坊精密", EnterpriseKind.SME, "370700", List.of("精密注塑", "模具开发"),
                Map.of(CooperationField.TECH_RND, Willingness.STRONG));
        UUID outside = announceEnterprise("深圳注塑", EnterpriseKind.SME, "440300", List.of("精密注塑", "模具开发"),
                Map.of(CooperationField.PRODUCT_SUPPORTING, Willingness.STRONG));
        // ranking happens when the demand arrives: the candidates must be in the projection by then
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));
        DemandSnapshot demand = demandOf(leader);

        try (TopicProbe matches = TopicProbe.of(Topics.MATCHES)) {
            String json = JSON.writeValueAsString(demand);
            TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, json);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asEnterprise(leader)
                    .when().get("/api/v1/demands/" + demand.id() + "/matches")
                    .then().statusCode(200).body("$", hasSize(2)));

            Api.asBureau("37").when().get("/api/v1/demands/" + demand.id() + "/matches")
                    .then().statusCode(200)
                    .body("[0].enterpriseId", equalTo(best.toString()))
                    .body("[0].rank", equalTo(1))
                    .body("[0].status", equalTo("PROPOSED"))
                    .body("[0].reasons[0].component", equalTo("capability"))
                    .body("[1].enterpriseId", equalTo(partial.toString()));

            ConsumerRecord<String, String> event = matches.awaitKey(demand.id().toString(), EventTypes.DEMAND_MATCHED, Duration.ofSeconds(30));
            assertTrue(event.value().contains(best.toString()) && event.value().contains(partial.toString()), event.value());
            assertTrue(!event.value().contains(unwilling.toString()) && !event.value().contains(outside.toString()), event.value());
            assertTrue(event.value().contains("\"regionCode\":\"37\""), event.value());
            // where the publisher and each candidate are registered, for consumers to scope by (ADR 0017)
            assertTrue(event.value().contains("\"publisherRegionCode\":\"370212\""), event.value());
            assertTrue(event.value().contains("\"regionCode\":\"370211\"") && event.value().contains("\"regionCode\":\"370600\""), event.value());

            // a replayed event changes nothing: no second set of matches, no second event
            TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, json);
            long events = matches.drain(Duration.ofSeconds(3)).stream().filter(r -> demand.id().toString().equals(r.key())).count();
            assertEquals(1, events);
            Api.asOperator().when().get("/api/v1/demands/" + demand.id() + "/matches")
                    .then().statusCode(200).body("$", hasSize(2));
        }
    }

    @Test
    void demandsArrivingTogetherAreEachRankedOnceAndTheLaterOnesAreDampedByTheEarlierOnesCandidacies() throws Exception {
        UUID leader = announceEnterprise("宇通客车", EnterpriseKind.CHAIN_LEADER, "410102", List.of("整车装配"), Map.of());
        UUID sought = announceEnterprise("郑州精密注塑", EnterpriseKind.SME, "410103", List.of("精密注塑", "模具开发"),
                Map.of(CooperationField.PRODUCT_SUPPORTING, Willingness.STRONG));
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));
        List<DemandSnapshot> demands = new java.util.ArrayList<>();
        List<org.apache.kafka.clients.producer.ProducerRecord<String, String>> records = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            DemandSnapshot d = new DemandSnapshot(UUID.randomUUID(), 1, leader, CooperationField.PRODUCT_SUPPORTING, "HOME_APPLIANCES",
                    "客车内饰精密注塑件配套 " + i, "寻求精密注塑配套", List.of("精密注塑"), List.of("4101"), null, null,
                    Instant.now().plusSeconds(30 * 86_400), DemandStatus.PUBLISHED, Instant.now(), Instant.now());
            demands.add(d);
            var r = TopicProbe.record(Topics.DEMANDS, d.id().toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(d),
                    UUID.randomUUID().toString());
            // one partition, one flush: one consumer reads them in order, in one poll, and ranks them as one batch
            records.add(new org.apache.kafka.clients.producer.ProducerRecord<>(r.topic(), 0, r.key(), r.value(), r.headers()));
        }
        try (TopicProbe matches = TopicProbe.of(Topics.MATCHES)) {
            TopicProbe.publishTogether(records);
            for (int i = 0; i < demands.size(); i++) {
                String id = demands.get(i).id().toString();
                matches.awaitKey(id, EventTypes.DEMAND_MATCHED, Duration.ofSeconds(30));
                List<String> components = Api.asOperator().when().get("/api/v1/demands/" + id + "/matches").then().statusCode(200)
                        .body("$", hasSize(1)).body("[0].enterpriseId", equalTo(sought.toString()))
                        .extract().path("[0].reasons.component");
                // 3 open candidacies are free (rongtong.matching.exposure.free): from the fifth demand on, the candidate
                // is damped for those the demands before it in the batch gave it, though none of them was written yet
                assertEquals(i >= 4, components.contains("exposure"), "demand " + i + ": " + components);
            }
            long events = matches.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> demands.stream().anyMatch(d -> d.id().toString().equals(r.key()))).count();
            assertEquals(demands.size(), events, "one match event per demand");
        }
    }

    @Test
    void aLaterRegisteredFittingEnterpriseIsMatchedToAnOpenDemandOnce() throws Exception {
        UUID leader = announceEnterprise("格力电器", EnterpriseKind.CHAIN_LEADER, "440400", List.of(), Map.of());
        UUID first = announceEnterprise("珠海精密注塑", EnterpriseKind.SME, "440402", List.of("精密注塑"),
                Map.of(CooperationField.PRODUCT_SUPPORTING, Willingness.STRONG));
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));
        DemandSnapshot demand = new DemandSnapshot(UUID.randomUUID(), 1, leader, CooperationField.PRODUCT_SUPPORTING,
                "HOME_APPLIANCES", "空调面板精密注塑件配套", "寻求精密注塑和模具开发配套", List.of("精密注塑", "模具开发"),
                List.of("4404"), null, null, Instant.now().plusSeconds(30 * 86_400), DemandStatus.PUBLISHED, Instant.now(), Instant.now());
        TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(demand));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asOperator()
                .when().get("/api/v1/demands/" + demand.id() + "/matches").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].enterpriseId", equalTo(first.toString())));

        try (TopicProbe matches = TopicProbe.of(Topics.MATCHES)) {
            UUID later = UUID.randomUUID();
            var snapshot = new EnterpriseSnapshot(later, 1, "珠海格美模具", TestData.creditCode("440403"), EnterpriseKind.SME,
                    "LITTLE_GIANT", "440403", List.of("HOME_APPLIANCES"), List.of("注射成型", "模具开发"), "空调面板注射成型和模具开发",
                    Map.of(CooperationField.PRODUCT_SUPPORTING, Willingness.STRONG), true, Instant.now(), Instant.now());
            RegistryEnterprise.publish(snapshot);

            // matched without a request: a new match row and a delta naming the newcomer only (ADR 0022)
            ConsumerRecord<String, String> event = matches.await(r -> demand.id().toString().equals(r.key())
                    && r.value().contains(later.toString()), Duration.ofSeconds(30));
            assertEquals(EventTypes.DEMAND_CANDIDATES_CHANGED, TopicProbe.header(event, "ce_type"));
            assertTrue(!event.value().contains(first.toString()), event.value());
            Api.asOperator().when().get("/api/v1/demands/" + demand.id() + "/matches")
                    .then().statusCode(200).body("$", hasSize(2))
                    .body("find { it.enterpriseId == '" + later + "' }.reasons[1].component", equalTo("text"))
                    // ranks follow scores, whichever candidate came first
                    .body("rank", equalTo(List.of(1, 2)))
                    .body("[0].score", org.hamcrest.Matchers.greaterThanOrEqualTo(0f));
            List<Float> scores = Api.asOperator().when().get("/api/v1/demands/" + demand.id() + "/matches")
                    .then().extract().path("score");
            assertTrue(scores.get(0) >= scores.get(1), "ranked by score: " + scores);

            // a replayed registration adds neither a match nor an event
            RegistryEnterprise.publish(snapshot);
            ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));
            long events = matches.drain(Duration.ofSeconds(3)).stream()
                    .filter(r -> demand.id().toString().equals(r.key()) && r.value().contains(later.toString())).count();
            assertEquals(1, events);
            Api.asOperator().when().get("/api/v1/demands/" + demand.id() + "/matches")
                    .then().statusCode(200).body("$", hasSize(2));
        }
    }

    @Test
    void aDemandNoEnterpriseFitsGetsAnEmptyListAndItsEventAndALaterFitJoinsIt() throws Exception {
        UUID leader = announceEnterprise("海信集团", EnterpriseKind.CHAIN_LEADER, "370202", List.of(), Map.of());
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));
        DemandSnapshot demand = new DemandSnapshot(UUID.randomUUID(), 1, leader, CooperationField.TECH_RND, "HOME_APPLIANCES",
                "太赫兹成像安检门联合研发", "联合研发太赫兹成像安检门", List.of("太赫兹成像"), List.of(), null, null,
                Instant.now().plusSeconds(30 * 86_400), DemandStatus.PUBLISHED, Instant.now(), Instant.now());

        try (TopicProbe matches = TopicProbe.of(Topics.MATCHES)) {
            TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(demand));
            ConsumerRecord<String, String> empty = matches.awaitKey(demand.id().toString(), EventTypes.DEMAND_MATCHED, Duration.ofSeconds(30));
            assertTrue(empty.value().contains("\"candidates\":[]"), empty.value());
            Api.asEnterprise(leader).when().get("/api/v1/demands/" + demand.id() + "/matches")
                    .then().statusCode(200).body("$", hasSize(0));

            UUID later = announceEnterprise("青岛太赫兹光电", EnterpriseKind.SME, "370211", List.of("太赫兹成像", "安检设备"),
                    Map.of(CooperationField.TECH_RND, Willingness.STRONG));
            matches.await(r -> demand.id().toString().equals(r.key()) && r.value().contains(later.toString()), Duration.ofSeconds(30));
            Api.asEnterprise(leader).when().get("/api/v1/demands/" + demand.id() + "/matches")
                    .then().statusCode(200).body("$", hasSize(1)).body("[0].enterpriseId", equalTo(later.toString()));
        }
    }

    @Test
    void aDemandsStatedMinimumIsWeighedAndShownInTheReasons() throws Exception {
        UUID leader = announceEnterprise("浪潮集团", EnterpriseKind.CHAIN_LEADER, "370102", List.of(), Map.of());
        UUID big = announceSized("济南锂源涂布科技", "370112", 600, "300000000");
        UUID small = announceSized("济南小微涂布加工", "370113", 12, "3000000");
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));
        DemandSnapshot demand = new DemandSnapshot(UUID.randomUUID(), 1, leader, CooperationField.PRODUCT_SUPPORTING, "NEW_ENERGY_VEHICLES",
                "储能电池极片涂布加工配套", "寻求极片涂布配套", List.of("极片涂布"), List.of("3701"), null, null,
                Instant.now().plusSeconds(30 * 86_400), DemandStatus.PUBLISHED, Instant.now(), Instant.now(), null, null, null,
                new org.rongtong.events.DemandPreferences(List.of(), null, null, new java.math.BigDecimal("50000000"), null, null));
        TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(demand));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asEnterprise(leader)
                .when().get("/api/v1/demands/" + demand.id() + "/matches")
                .then().statusCode(200).body("$", hasSize(2))
                .body("[0].enterpriseId", equalTo(big.toString()))
                .body("[1].enterpriseId", equalTo(small.toString()))
                .body("[1].reasons.find { it.component == 'minimum' }.detail", org.hamcrest.Matchers.containsString("revenue"))
                .body("[0].reasons.find { it.component == 'preferences' }.detail", org.hamcrest.Matchers.containsString("meets")));
    }

    private static UUID announceSized(String name, String region, int employees, String revenue) throws Exception {
        UUID id = UUID.randomUUID();
        var snapshot = new EnterpriseSnapshot(id, 1, name, TestData.creditCode(region), EnterpriseKind.SME, "SPECIALIZED_SME", region,
                List.of("NEW_ENERGY_VEHICLES"), List.of("极片涂布"), "锂电池极片涂布加工", Map.of(CooperationField.PRODUCT_SUPPORTING,
                        Willingness.STRONG), true, Instant.now(), Instant.now(), null, null, null, null, null, List.of(), employees,
                new java.math.BigDecimal(revenue), null);
        return RegistryEnterprise.publish(snapshot);
    }

    @Test
    void anotherEnterpriseMayNotReadADemandsCandidates() throws Exception {
        UUID leader = announceEnterprise("美的集团", EnterpriseKind.CHAIN_LEADER, "440606", List.of(), Map.of());
        DemandSnapshot demand = demandOf(leader);
        TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(demand));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asOperator()
                .when().get("/api/v1/demands/" + demand.id() + "/matches").then().statusCode(200));

        Api.asEnterprise(UUID.randomUUID()).when().get("/api/v1/demands/" + demand.id() + "/matches")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anUnknownDemandIsNotFound() {
        Api.asOperator().when().get("/api/v1/demands/" + UUID.randomUUID() + "/matches")
                .then().statusCode(404).contentType("application/problem+json");
    }
}

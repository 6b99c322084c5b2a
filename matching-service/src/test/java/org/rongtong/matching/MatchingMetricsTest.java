package org.rongtong.matching;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.rongtong.testing.ConsumerLag;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.OutboxDrain;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.PrometheusText;
import org.rongtong.testing.RegistryEnterprise;
import org.rongtong.testing.TestJson;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * matching-service's business metrics on the management port: candidates proposed once the ranking committed, answers
 * by status once their events left the outbox, the index's size; and the Kafka clients' own lag figures.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class MatchingMetricsTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private PrometheusText scrape() {
        return PrometheusText.parse(given().when().get(metrics).then().statusCode(200).extract().asString());
    }

    private static UUID enterprise(EnterpriseKind kind, String region, List<String> capabilities, Map<CooperationField, Willingness> willingness)
            throws Exception {
        UUID id = UUID.randomUUID();
        return RegistryEnterprise.of(kind, region).id(id).name("计量测试企业" + id.toString().substring(0, 6))
                .tier(kind == EnterpriseKind.SME ? "SPECIALIZED_SME" : null).chains("NEW_ENERGY_VEHICLES").capabilities(capabilities)
                .willingness(willingness).publish();
    }

    @Test
    void candidatesAnswersAndTheIndexMoveWithWhatMatchingCommitted() throws Exception {
        double indexed = scrape().value("rongtong_matching_index_enterprises");
        UUID leader = enterprise(EnterpriseKind.CHAIN_LEADER, "370202", List.of("整车"), Map.of());
        UUID sme = enterprise(EnterpriseKind.SME, "370211", List.of("动力电池热管理", "电池包壳体"),
                Map.of(CooperationField.PROCUREMENT, Willingness.STRONG));
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, WAIT);
        assertEquals(indexed + 2, scrape().value("rongtong_matching_index_enterprises"), "both enterprises are in the index");
        assertTrue(scrape().value("rongtong_matching_index_rebuild_seconds") >= 0, "the startup rebuild's time");

        OutboxDrain.await(WAIT);
        PrometheusText before = scrape();
        DemandSnapshot demand = new DemandSnapshot(UUID.randomUUID(), 1, leader, CooperationField.PROCUREMENT, "NEW_ENERGY_VEHICLES",
                "需求：动力电池热管理", "寻求动力电池热管理和电池包壳体合作", List.of("动力电池热管理", "电池包壳体"), List.of("37"), null, null,
                Instant.now().plusSeconds(30 * 86_400), DemandStatus.PUBLISHED, Instant.now(), Instant.now());
        TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(demand));
        List<String> candidates = await().atMost(WAIT).until(() -> Api.asOperator()
                .when().get("/api/v1/demands/" + demand.id() + "/matches").then().extract().path("enterpriseId"), ids -> ids != null && !ids.isEmpty());
        assertTrue(candidates.contains(sme.toString()), candidates.toString());
        // counted once the ranking's transaction committed: as many as the demand's list holds
        await().atMost(WAIT).untilAsserted(() -> assertEquals(before.value("rongtong_candidates_proposed_total") + candidates.size(),
                scrape().value("rongtong_candidates_proposed_total")));

        String match = Api.asOperator().when().get("/api/v1/demands/" + demand.id() + "/matches")
                .then().statusCode(200).extract().path("find { it.enterpriseId == '" + sme + "' }.id");
        answer(sme, match, "interest", 200);
        answer(leader, match, "shortlist", 200);
        answer(leader, match, "shortlist", 200); // a repeated answer changes nothing and counts nothing
        answer(sme, match, "interest", 409); // refused: shortlisted already
        answer(leader, match, "confirm", 200);
        OutboxDrain.await(WAIT);

        PrometheusText after = scrape();
        for (String status : List.of("interested", "shortlisted", "confirmed")) {
            assertEquals(before.value("rongtong_matches_answered_total", "status", status) + 1,
                    after.value("rongtong_matches_answered_total", "status", status), status);
        }
        for (String status : List.of("declined", "rejected")) {
            assertEquals(before.value("rongtong_matches_answered_total", "status", status),
                    after.value("rongtong_matches_answered_total", "status", status), status);
        }
    }

    @Test
    void theKafkaConsumersReportTheirLagPerChannel() {
        // Quarkus's Kafka binder: one client per channel, client_id kafka-consumer-<channel>, group matching-service
        await().atMost(WAIT).untilAsserted(() -> {
            PrometheusText now = scrape();
            assertTrue(now.samples().stream().anyMatch(s -> s.name().equals("kafka_consumer_fetch_manager_records_lag_max")
                    && s.labels().getOrDefault("client_id", "").contains("demands")), "records_lag_max of the demands channel");
        });
    }

    private static void answer(UUID who, String match, String move, int status) {
        Api.asEnterprise(who).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/matches/" + match + "/" + move).then().statusCode(status);
    }
}

package org.rongtong.matching;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EventTypes;
import org.rongtong.events.ProposalSnapshot;
import org.rongtong.events.ProposalStatus;
import org.rongtong.events.SessionSnapshot;
import org.rongtong.events.SessionStatus;
import org.rongtong.events.Topics;
import org.rongtong.events.Willingness;
import org.rongtong.testing.Api;
import org.rongtong.testing.ConsumerLag;
import org.rongtong.testing.EdgeConventions;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.RegistryEnterprise;
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
class MatchLifecycleTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;

    private static UUID enterprise(String name, EnterpriseKind kind, String tier, String region, String chain, List<String> capabilities,
            Map<CooperationField, Willingness> willingness) throws Exception {
        return RegistryEnterprise.of(kind, region).name(name).tier(tier).chains(chain).capabilities(capabilities).willingness(willingness)
                .publish();
    }

    /** Publishes a demand once the enterprises are projected and answers its match id per candidate. */
    private static DemandSnapshot publish(UUID leader, CooperationField field, String chain, List<String> capabilities, String region)
            throws Exception {
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));
        DemandSnapshot demand = new DemandSnapshot(UUID.randomUUID(), 1, leader, field, chain, "需求：" + String.join("、", capabilities),
                "寻求" + String.join("和", capabilities) + "合作", capabilities, List.of(region), null, null,
                Instant.now().plusSeconds(30 * 86_400), DemandStatus.PUBLISHED, Instant.now(), Instant.now());
        TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(demand));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asOperator()
                .when().get("/api/v1/demands/" + demand.id() + "/matches").then().statusCode(200));
        return demand;
    }

    private static String matchOf(DemandSnapshot demand, UUID enterprise) {
        return Api.asOperator().when().get("/api/v1/demands/" + demand.id() + "/matches")
                .then().statusCode(200).extract().path("find { it.enterpriseId == '" + enterprise + "' }.id");
    }

    @Test
    void theCandidateAnswersThePublisherDecidesAndEveryMoveIsAnEvent() throws Exception {
        UUID leader = enterprise("海信集团", EnterpriseKind.CHAIN_LEADER, null, "370202", "HOME_APPLIANCES", List.of("整机"), Map.of());
        UUID sme = enterprise("青岛华晟电子", EnterpriseKind.SME, "SPECIALIZED_SME", "370211", "HOME_APPLIANCES", List.of("电源模块", "变频控制板"),
                Map.of(CooperationField.PROCUREMENT, Willingness.STRONG));
        DemandSnapshot demand = publish(leader, CooperationField.PROCUREMENT, "HOME_APPLIANCES", List.of("电源模块", "变频控制板"), "37");
        String match = matchOf(demand, sme);

        try (TopicProbe events = TopicProbe.of(Topics.MATCHES)) {
            Api.asEnterprise(sme).contentType(ContentType.JSON).body("{\"note\":\"可提供样品\"}")
                    .when().post("/api/v1/matches/" + match + "/interest")
                    .then().statusCode(200).header("ETag", containsString("2")).body("status", equalTo("INTERESTED")).body("version", equalTo(2));
            // the candidate sees the demand among its opportunities
            Api.asEnterprise(sme).when().get("/api/v1/enterprises/" + sme + "/opportunities?status=INTERESTED")
                    .then().statusCode(200).body("matchId", org.hamcrest.Matchers.hasItem(match));
            Api.asEnterprise(leader).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/matches/" + match + "/shortlist").then().statusCode(200).body("status", equalTo("SHORTLISTED"));

            // a shortlisted PROCUREMENT match lands in the publisher's procurement pool, not the R&D reserve
            Api.asEnterprise(leader).when().get("/api/v1/enterprises/" + leader + "/reserve-pools")
                    .then().statusCode(200)
                    .body("pools.find { it.code == 'PROCUREMENT_POOL' }.entries.matchId", equalTo(List.of(match)))
                    .body("pools.find { it.code == 'RND_RESERVE' }.entries", hasSize(0));

            Api.asEnterprise(leader).contentType(ContentType.JSON).body("{\"note\":\"签约\"}")
                    .when().post("/api/v1/matches/" + match + "/confirm").then().statusCode(200).body("status", equalTo("COOPERATING"));

            List<JsonNode> moves = List.of(
                    data(events.await(r -> is(r, EventTypes.MATCH_INTERESTED, match), Duration.ofSeconds(30))),
                    data(events.await(r -> is(r, EventTypes.MATCH_SHORTLISTED, match), Duration.ofSeconds(30))),
                    data(events.await(r -> is(r, EventTypes.MATCH_CONFIRMED, match), Duration.ofSeconds(30))));
            assertEquals(List.of("PROPOSED", "INTERESTED", "SHORTLISTED"), moves.stream().map(m -> m.path("previousStatus").asText()).toList());
            assertEquals(List.of("INTERESTED", "SHORTLISTED", "COOPERATING"), moves.stream().map(m -> m.path("status").asText()).toList());
            assertEquals(List.of(2L, 3L, 4L), moves.stream().map(m -> m.path("version").asLong()).toList());
            assertEquals("可提供样品", moves.get(0).path("note").asText());
            assertEquals("API", moves.get(0).path("via").asText());
            assertEquals("37", moves.get(2).path("regionCode").asText());
            assertEquals("370202", moves.get(2).path("publisherRegionCode").asText());
            assertEquals("370211", moves.get(2).path("enterpriseRegionCode").asText());
        }
        Api.asEnterprise(leader).when().get("/api/v1/enterprises/" + leader + "/reserve-pools")
                .then().statusCode(200).body("pools.find { it.code == 'PROCUREMENT_POOL' }.entries[0].status", equalTo("COOPERATING"));
    }

    @Test
    void illegalMovesAnswer409AndWrongPartiesAnswer403() throws Exception {
        UUID leader = enterprise("浪潮集团", EnterpriseKind.CHAIN_LEADER, null, "370102", "SOFTWARE_IT", List.of("服务器"), Map.of());
        UUID sme = enterprise("济南数联软件", EnterpriseKind.SME, "INNOVATIVE_SME", "370103", "SOFTWARE_IT", List.of("工业软件", "数据中台"),
                Map.of(CooperationField.DIGITAL_EMPOWERMENT, Willingness.STRONG));
        DemandSnapshot demand = publish(leader, CooperationField.DIGITAL_EMPOWERMENT, "SOFTWARE_IT", List.of("工业软件", "数据中台"), "37");
        String match = matchOf(demand, sme);

        // the publisher cannot shortlist before the candidate showed interest
        Api.asEnterprise(leader).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/matches/" + match + "/shortlist")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("PROPOSED"));
        // each side makes only its own moves
        Api.asEnterprise(leader).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/matches/" + match + "/interest").then().statusCode(403).contentType("application/problem+json");
        Api.asEnterprise(UUID.randomUUID()).when().get("/api/v1/matches/" + match)
                .then().statusCode(403);
        Api.asBureau("37").contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/matches/" + match + "/decline").then().statusCode(403);
        // a note too long is refused before anything is written
        Api.asEnterprise(sme).contentType(ContentType.JSON).body("{\"note\":\"" + "长".repeat(501) + "\"}")
                .when().post("/api/v1/matches/" + match + "/interest").then().statusCode(400).contentType("application/problem+json");
        // a stale If-Match is 412
        Api.asEnterprise(sme).header("If-Match", "\"7\"").contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/matches/" + match + "/interest").then().statusCode(412);

        Api.asEnterprise(sme).header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/matches/" + match + "/decline").then().statusCode(200).body("status", equalTo("DECLINED"));
        // a retried decline answers the same match, unchanged
        Api.asEnterprise(sme).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/matches/" + match + "/decline").then().statusCode(200).body("version", equalTo(2));
        // confirm needs a shortlist first
        Api.asEnterprise(leader).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/matches/" + match + "/confirm").then().statusCode(409);
        Api.asEnterprise(sme).when().get("/api/v1/matches/" + match)
                .then().statusCode(200).header("ETag", containsString("2")).body("status", equalTo("DECLINED"));
        Api.asOperator().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/matches/" + UUID.randomUUID() + "/interest").then().statusCode(404).contentType("application/problem+json");
    }

    /** ADR 0032: whether a racer reads before or after the winner commits, it gets the same 412 as a stale If-Match. */
    @Test
    void movesRacingOnTheSameVersionLeaveOneWinnerAndTheOthers412() throws Exception {
        UUID leader = enterprise("歌尔股份", EnterpriseKind.CHAIN_LEADER, null, "370782", "SOFTWARE_IT", List.of("声学模组"), Map.of());
        UUID sme = enterprise("潍坊声科", EnterpriseKind.SME, "INNOVATIVE_SME", "370705", "SOFTWARE_IT", List.of("麦克风", "扬声器"),
                Map.of(CooperationField.PRODUCT_SUPPORTING, Willingness.STRONG));
        DemandSnapshot demand = publish(leader, CooperationField.PRODUCT_SUPPORTING, "SOFTWARE_IT", List.of("麦克风", "扬声器"), "37");
        String match = matchOf(demand, sme);

        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.CompletableFuture<io.restassured.response.Response>> racers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String move = i % 2 == 0 ? "interest" : "decline";
            racers.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Api.asEnterprise(sme).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                        .body("{}").when().post("/api/v1/matches/" + match + "/" + move);
            }));
        }
        start.countDown();
        List<io.restassured.response.Response> answers = racers.stream().map(java.util.concurrent.CompletableFuture::join).toList();
        assertEquals(1, answers.stream().filter(a -> a.statusCode() == 200).count(), "one winner");
        answers.stream().filter(a -> a.statusCode() != 200).forEach(EdgeConventions::assertLostUpdate);
        Api.asEnterprise(sme).when().get("/api/v1/matches/" + match).then().body("version", equalTo(2));
    }

    @Test
    void aBadQueryValueIsA400NamingTheParameter() {
        UUID someone = UUID.randomUUID();
        EdgeConventions.assertBadParameter(Api.asEnterprise(someone)
                .when().get("/api/v1/enterprises/" + someone + "/opportunities?status=NOPE"), "status");
        for (String odd : List.of("370", "37021")) {
            EdgeConventions.assertBadParameter(Api.asOperator().when().get("/api/v1/kpis?region=" + odd), "region");
        }
    }

    @Test
    void aProposalCountsAsInterestOnceAndAnUnproposedProposerBecomesAnInterestedMatch() throws Exception {
        UUID leader = enterprise("潍柴动力", EnterpriseKind.CHAIN_LEADER, null, "370702", "HIGH_END_EQUIPMENT", List.of("发动机"), Map.of());
        UUID matched = enterprise("潍坊精铸", EnterpriseKind.SME, "LITTLE_GIANT", "370703", "HIGH_END_EQUIPMENT", List.of("精密铸造", "缸体加工"),
                Map.of(CooperationField.PRODUCT_SUPPORTING, Willingness.STRONG));
        UUID outsider = enterprise("临沂轴承", EnterpriseKind.SME, "SPECIALIZED_SME", "371302", "HIGH_END_EQUIPMENT", List.of("轴承"),
                Map.of(CooperationField.TECH_RND, Willingness.OPEN));
        DemandSnapshot demand = publish(leader, CooperationField.PRODUCT_SUPPORTING, "HIGH_END_EQUIPMENT", List.of("精密铸造", "缸体加工"), "37");
        String match = matchOf(demand, matched);

        try (TopicProbe events = TopicProbe.of(Topics.MATCHES)) {
            String proposal = proposal(demand, matched);
            TopicProbe.publish(Topics.PROPOSALS, UUID.randomUUID().toString(), EventTypes.PROPOSAL_SUBMITTED, proposal);
            TopicProbe.publish(Topics.PROPOSALS, UUID.randomUUID().toString(), EventTypes.PROPOSAL_SUBMITTED, proposal(demand, outsider));

            JsonNode moved = data(events.await(r -> is(r, EventTypes.MATCH_INTERESTED, match), Duration.ofSeconds(30)));
            assertEquals("PROPOSAL", moved.path("via").asText());
            JsonNode joined = data(events.await(r -> r.value().contains(outsider.toString())
                    && EventTypes.MATCH_INTERESTED.equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30)));
            assertEquals("INTERESTED", joined.path("status").asText());

            Api.asOperator().when().get("/api/v1/demands/" + demand.id() + "/matches").then().statusCode(200)
                    .body("find { it.enterpriseId == '" + outsider + "' }.origin", equalTo("PROPOSAL"))
                    .body("find { it.enterpriseId == '" + outsider + "' }.status", equalTo("INTERESTED"));

            // the same proposal event again moves nothing
            TopicProbe.publish(Topics.PROPOSALS, UUID.randomUUID().toString(), EventTypes.PROPOSAL_SUBMITTED, proposal);
            ConsumerLag.awaitCaughtUp("matching-service", Topics.PROPOSALS, Duration.ofSeconds(30));
            long moves = events.drain(Duration.ofSeconds(2)).stream().filter(r -> is(r, EventTypes.MATCH_INTERESTED, match)).count();
            assertEquals(1, moves, "the first proposal's move only");
        }
    }

    @Test
    void kpisCountCoverageCooperationSessionsAndParticipationForAProvinceAndAPrefecture() throws Exception {
        // Zhejiang (33): flagship chains NEW_MATERIALS and TEXTILES_APPAREL in the sample set; nothing else uses 33 here
        UUID leader = enterprise("浙江纺织集团", EnterpriseKind.CHAIN_LEADER, null, "330102", "TEXTILES_APPAREL", List.of("面料"), Map.of());
        UUID engaged = enterprise("杭州织锦科技", EnterpriseKind.SME, "SPECIALIZED_SME", "330106", "TEXTILES_APPAREL", List.of("功能面料", "数码印花"),
                Map.of(CooperationField.PROCUREMENT, Willingness.STRONG));
        enterprise("宁波纤维新材", EnterpriseKind.SME, "LITTLE_GIANT", "330203", "NEW_MATERIALS", List.of("碳纤维"),
                Map.of(CooperationField.TECH_RND, Willingness.STRONG));
        DemandSnapshot demand = publish(leader, CooperationField.PROCUREMENT, "TEXTILES_APPAREL", List.of("功能面料", "数码印花"), "33");
        String match = matchOf(demand, engaged);
        for (String move : List.of("interest", "shortlist", "confirm")) {
            UUID actor = move.equals("interest") ? engaged : leader;
            Api.asEnterprise(actor).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/matches/" + match + "/" + move).then().statusCode(200);
        }
        SessionSnapshot session = new SessionSnapshot(UUID.randomUUID(), 2, "新材料产业链专场", LocalDate.now(), "33", "杭州",
                List.of("NEW_MATERIALS"), List.of(leader), List.of(), SessionStatus.HELD, Instant.now(), Instant.now());
        TopicProbe.publish(Topics.SESSIONS, session.id().toString(), EventTypes.SESSION_HELD, JSON.writeValueAsString(session));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asBureau("33")
                .when().get("/api/v1/kpis?region=33").then().statusCode(200)
                .body("level", equalTo("PROVINCE"))
                .body("indicators.find { it.code == 'SESSIONS_HELD' }.value", equalTo(1.0f)));
        Api.asBureau("33").when().get("/api/v1/kpis?region=330000").then().statusCode(200)
                .body("indicators.find { it.code == 'FLAGSHIP_CHAINS_COVERED' }.numerator", equalTo(2))
                .body("indicators.find { it.code == 'FLAGSHIP_CHAINS_COVERED' }.denominator", equalTo(2))
                .body("indicators.find { it.code == 'FLAGSHIP_CHAINS_COVERED' }.met", equalTo(true))
                .body("indicators.find { it.code == 'SMES_COOPERATING' }.numerator", equalTo(1))
                .body("indicators.find { it.code == 'SMES_COOPERATING' }.target", equalTo(200.0f))
                .body("indicators.find { it.code == 'PARTICIPATION_RATE' }.numerator", equalTo(1))
                .body("indicators.find { it.code == 'PARTICIPATION_RATE' }.denominator", equalTo(2))
                .body("indicators.find { it.code == 'PARTICIPATION_RATE' }.met", equalTo(false))
                .body("indicators.find { it.code == 'PARTICIPATION_RATE' }.computation", containsString("LITTLE_GIANT"));
        // Hangzhou alone: the cooperating SME is there, the unengaged one is in Ningbo
        Api.asOperator().when().get("/api/v1/kpis?region=3301").then().statusCode(200)
                .body("level", equalTo("PREFECTURE"))
                .body("indicators.find { it.code == 'PARTICIPATION_RATE' }.value", equalTo(1.0f))
                .body("indicators.find { it.code == 'SESSIONS_HELD' }.value", equalTo(0.0f));

        Api.asBureau("3302").when().get("/api/v1/kpis?region=33").then().statusCode(403);
        Api.asOperator().when().get("/api/v1/kpis?region=3x").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("region"));
        Api.asEnterprise(leader).when().get("/api/v1/kpis?region=33").then().statusCode(403);
    }

    @Test
    void anUnreadableProposalIsParkedInTheDeadLetterTopicWithItsReason() throws Exception {
        try (TopicProbe dlq = TopicProbe.of("matching-service.dlq.v1")) {
            String key = UUID.randomUUID().toString();
            TopicProbe.publish(Topics.PROPOSALS, key, EventTypes.PROPOSAL_SUBMITTED, "{\"id\": 42, \"demandId\": [");
            ConsumerRecord<String, String> parked = dlq.awaitKey(key, EventTypes.PROPOSAL_SUBMITTED, Duration.ofSeconds(30));
            assertTrue(TopicProbe.header(parked, "dead-letter-reason") != null, "reason header");
        }
    }

    private static String proposal(DemandSnapshot demand, UUID proposer) throws Exception {
        return JSON.writeValueAsString(new ProposalSnapshot(UUID.randomUUID(), 1, demand.id(), demand.publisherId(), proposer, "缸体精密铸造方案",
                ProposalStatus.OPEN, Instant.now(), Instant.now()));
    }

    private static boolean is(ConsumerRecord<String, String> r, String type, String matchId) {
        return type.equals(TopicProbe.header(r, "ce_type")) && r.value().contains(matchId);
    }

    private static JsonNode data(ConsumerRecord<String, String> r) throws Exception {
        return JSON.readTree(r.value());
    }
}

package org.rongtong.matching;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
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
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.RegistryEnterprise;
import org.rongtong.testing.TestJson;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Who sees which entries of a demand's candidate list (docs/role-matrix.md): a Qingdao chain leader's demand open to
 * the whole province, with one candidate in Qingdao (3702) and one in Yantai (3706).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class MatchVisibilityTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;

    private static UUID leader;
    private static UUID qingdao;
    private static UUID yantai;
    private static UUID demand;

    private static UUID announce(String name, EnterpriseKind kind, String region, List<String> capabilities) throws Exception {
        return RegistryEnterprise.of(kind, region).name(name).tier("SPECIALIZED_SME").capabilities(capabilities)
                .willing(CooperationField.TECH_RND, Willingness.STRONG).publish();
    }

    @BeforeEach
    void aProvinceWideDemandWithCandidatesInTwoCities() throws Exception {
        if (demand != null) {
            return;
        }
        String tag = "可视" + UUID.randomUUID().toString().substring(0, 4);
        leader = announce("海信集团", EnterpriseKind.CHAIN_LEADER, "370212", List.of("整机装配"));
        qingdao = announce("青岛声学科技", EnterpriseKind.SME, "370211", List.of("声学仿真", tag));
        yantai = announce("烟台声学科技", EnterpriseKind.SME, "370602", List.of("声学仿真", tag));
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));
        DemandSnapshot snapshot = new DemandSnapshot(UUID.randomUUID(), 1, leader, CooperationField.TECH_RND,
                "HOME_APPLIANCES", "冰箱压缩机声学仿真联合研发", "寻求声学仿真研发合作", List.of("声学仿真", tag), List.of("37"), null, null,
                Instant.now().plusSeconds(30 * 86_400), DemandStatus.PUBLISHED, Instant.now(), Instant.now());
        demand = snapshot.id();
        TopicProbe.publish(Topics.DEMANDS, demand.toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(snapshot));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asOperator()
                .when().get(matches()).then().statusCode(200).body("$", hasSize(2)));
        String match = Api.asOperator().when().get(matches()).then().extract()
                .path("find { it.enterpriseId == '" + qingdao + "' }.id");
        Api.asEnterprise(qingdao).contentType(ContentType.JSON).body("{\"note\":\"产能充足，可派工程师驻厂\"}")
                .when().post("/api/v1/matches/" + match + "/interest").then().statusCode(200);
    }

    private static String matches() {
        return "/api/v1/demands/" + demand + "/matches";
    }

    @Test
    void thePublisherAndABureauOfItsRegionSeeTheWholeList() {
        for (String token : List.of(DevTokens.enterprise(leader), DevTokens.bureau("37"), DevTokens.bureau("3702"),
                DevTokens.partner(leader), DevTokens.operator())) {
            Api.as(token).when().get(matches()).then().statusCode(200)
                    .body("enterpriseId", containsInAnyOrder(qingdao.toString(), yantai.toString()));
        }
    }

    @Test
    void aCityBureauElsewhereSeesOnlyTheCandidatesOfItsCity() {
        Api.asBureau("3706").when().get(matches()).then().statusCode(200)
                .body("enterpriseId", equalTo(List.of(yantai.toString())));
    }

    @Test
    void aBureauOfAnotherProvinceSeesNothing() {
        Api.asBureau("44").when().get(matches()).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aCandidateSeesOnlyItsOwnEntryAndAStrangerNothing() {
        Api.asEnterprise(yantai).when().get(matches()).then().statusCode(200)
                .body("enterpriseId", equalTo(List.of(yantai.toString())));
        Api.asEnterprise(UUID.randomUUID()).when().get(matches()).then().statusCode(403);
        Api.asPartner(UUID.randomUUID()).when().get(matches()).then().statusCode(403);
    }

    @Test
    void theNotesOfTheTwoPartiesStayBetweenThem() {
        String qingdaoEntry = "find { it.enterpriseId == '" + qingdao + "' }.note";
        Api.asEnterprise(leader).when().get(matches()).then().body(qingdaoEntry, equalTo("产能充足，可派工程师驻厂"));
        Api.asBureau("37").when().get(matches()).then().body(qingdaoEntry, nullValue());
    }

    @Test
    void aPartnerReadsNoProgrammeKpisAndABureauOnlyItsRegions() {
        Api.asPartner(leader).when().get("/api/v1/kpis?region=37").then().statusCode(403);
        Api.asBureau("44").when().get("/api/v1/kpis?region=37").then().statusCode(403);
        Api.asBureau("37").when().get("/api/v1/kpis?region=3702").then().statusCode(200);
    }
}

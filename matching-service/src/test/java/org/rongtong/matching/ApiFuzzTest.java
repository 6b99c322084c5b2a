package org.rongtong.matching;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
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
import org.rongtong.testing.ApiFuzzer;
import org.rongtong.testing.ConsumerLag;
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

/** Thousands of malformed requests from the OpenAPI document, with every role: none fails the server or changes a thing. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class ApiFuzzTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;

    @TestHTTPResource("/")
    URI base;

    private static UUID announce(String name, EnterpriseKind kind, String region, List<String> capabilities) throws Exception {
        return RegistryEnterprise.of(kind, region).name(name).tier("SPECIALIZED_SME").capabilities(capabilities)
                .willing(CooperationField.PROCUREMENT, Willingness.STRONG).publish();
    }

    @Test
    void malformedRequestsAreRefusedWithProblemsAndChangeNothing() throws Exception {
        UUID leader = announce("海信集团", EnterpriseKind.CHAIN_LEADER, "370202", List.of("整机"));
        UUID sme = announce("青岛华晟电子", EnterpriseKind.SME, "370211", List.of("电源模块", "变频控制板"));
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));
        DemandSnapshot demand = new DemandSnapshot(UUID.randomUUID(), 1, leader, CooperationField.PROCUREMENT, "HOME_APPLIANCES",
                "需求：电源模块", "寻求电源模块和变频控制板合作", List.of("电源模块", "变频控制板"), List.of("37"), null, null,
                Instant.now().plusSeconds(30 * 86_400), DemandStatus.PUBLISHED, Instant.now(), Instant.now());
        TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(demand));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asOperator()
                .when().get("/api/v1/demands/" + demand.id() + "/matches").then().statusCode(200));
        String match = Api.asOperator().when().get("/api/v1/demands/" + demand.id() + "/matches")
                .then().statusCode(200).extract().path("[0].id");
        String[] state = {"/api/v1/demands/" + demand.id() + "/matches", "/api/v1/enterprises/" + sme + "/opportunities",
                "/api/v1/enterprises/" + leader + "/reserve-pools"};
        Map<String, String> before = ApiFuzzer.snapshot(base, DevTokens.operator(), state);

        ApiFuzzer.Report report = ApiFuzzer.against(base).seed(14).requests(3000).enterpriseId(sme)
                .knownIds(demand.id(), sme, leader, match == null ? UUID.randomUUID() : match).run();

        System.out.println(report.summary());
        assertTrue(report.findings().isEmpty(), report.summary());
        assertTrue(report.requests() >= 2000, "only " + report.requests() + " requests");
        assertEquals(before, ApiFuzzer.snapshot(base, DevTokens.operator(), state), "a refused request changed what the API shows");
    }

    @Test
    void anUnknownMatchStatusIsA400NamingIt() {
        UUID enterprise = UUID.randomUUID();
        Api.asEnterprise(enterprise).when().get("/api/v1/enterprises/" + enterprise + "/opportunities?status=NOPE")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status")).body("errors[0].message", containsString("one of ["))
                .body(not(containsString("org.rongtong")));
        Api.asOperator().when().get("/api/v1/matches/12345")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("matchId"));
        Api.asOperator().when().get("/api/v1/kpis?region=37&year=twenty")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("year"));
    }
}

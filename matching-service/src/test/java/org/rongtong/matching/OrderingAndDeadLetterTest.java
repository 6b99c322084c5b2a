package org.rongtong.matching;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EventTypes;
import org.rongtong.events.ProposalSnapshot;
import org.rongtong.events.ProposalStatus;
import org.rongtong.events.Topics;
import org.rongtong.events.Willingness;
import org.rongtong.testing.Api;
import org.rongtong.testing.ConsumerLag;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.PrometheusText;
import org.rongtong.testing.RegistryEnterprise;
import org.rongtong.testing.TestJson;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Items 9 and 10 in matching-service: ordering between topics waits instead of parking; poison still parks at once. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class OrderingAndDeadLetterTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private static final String DLQ = "matching-service.dlq.v1";
    private static final ObjectMapper JSON = TestJson.MAPPER;

    @Test
    void aProposalBeforeItsDemandWaitsForItInsteadOfBeingParked() throws Exception {
        double parkedBefore = parked(Topics.PROPOSALS);
        UUID proposer = UUID.randomUUID();
        RegistryEnterprise.of(EnterpriseKind.SME, "370211").id(proposer).name("青岛精工模具").tier("SPECIALIZED_SME")
                .capabilities("精密注塑", "模具开发").willing(CooperationField.PRODUCT_SUPPORTING, Willingness.STRONG).publish();
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));

        UUID publisher = UUID.randomUUID();
        DemandSnapshot demand = new DemandSnapshot(UUID.randomUUID(), 1, publisher, CooperationField.PRODUCT_SUPPORTING, "HOME_APPLIANCES",
                "空调压缩机壳体精密注塑", "寻求精密注塑配套", List.of("精密注塑"), List.of("37"), null, null,
                Instant.now().plusSeconds(30 * 86_400), DemandStatus.PUBLISHED, Instant.now(), Instant.now());
        ProposalSnapshot proposal = new ProposalSnapshot(UUID.randomUUID(), 1, demand.id(), publisher, proposer, "精密注塑方案",
                ProposalStatus.OPEN, Instant.now(), Instant.now());
        TopicProbe.publish(Topics.PROPOSALS, demand.id().toString(), EventTypes.PROPOSAL_SUBMITTED, JSON.writeValueAsString(proposal));
        // for longer than the old bounded retries (about 1.4 s) took to give up and park the proposal, nothing is parked
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> parked(Topics.PROPOSALS) == parkedBefore);
        TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(demand));

        await().atMost(Duration.ofSeconds(60)).until(() -> "INTERESTED".equals(status(demand.id(), proposer)));
        assertEquals(parkedBefore, parked(Topics.PROPOSALS), "the proposal waited; nothing parked");
    }

    @Test
    void aPoisonRecordIsStillParkedAtOnceAndCountedUnderItsTopic() throws Exception {
        double parkedBefore = parked(Topics.DEMANDS);
        String eventId = UUID.randomUUID().toString();
        try (TopicProbe dlq = TopicProbe.of(DLQ)) {
            long t0 = System.nanoTime();
            TopicProbe.publish(Topics.DEMANDS, UUID.randomUUID().toString(), EventTypes.DEMAND_PUBLISHED, "{not json", eventId);
            var parked = dlq.await(r -> eventId.equals(TopicProbe.header(r, "ce_id")), Duration.ofSeconds(30));
            long seconds = (System.nanoTime() - t0) / 1_000_000_000;
            assertTrue(seconds < 10, "parked without retries, in " + seconds + " s");
            assertEquals(Topics.DEMANDS, TopicProbe.header(parked, "dead-letter-topic"));
            await().atMost(Duration.ofSeconds(10)).until(() -> parked(Topics.DEMANDS) == parkedBefore + 1);
            Api.asOperator().when().get("/api/v1/dead-letters/" + parked.partition() + "/" + parked.offset())
                    .then().statusCode(200).body("eventId", org.hamcrest.Matchers.equalTo(eventId));
        }
        for (String token : List.of(DevTokens.enterprise(UUID.randomUUID()), DevTokens.bureau("37"), DevTokens.partner())) {
            Api.as(token).when().get("/api/v1/dead-letters").then().statusCode(403);
            Api.as(token).when().post("/api/v1/dead-letters/0/0/replay").then().statusCode(403);
        }
        Api.asOperator().when().post("/api/v1/dead-letters/0/999999999/replay")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static String status(UUID demand, UUID enterprise) throws SQLException {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                PreparedStatement s = c.prepareStatement("SELECT status FROM match WHERE demand_id = ? AND enterprise_id = ?")) {
            s.setObject(1, demand);
            s.setObject(2, enterprise);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** rongtong_dead_letters_total of one topic on the management port's /q/metrics. */
    private double parked(String topic) {
        String text = given().when().get(metrics).then().statusCode(200).extract().asString();
        return PrometheusText.parse(text).value("rongtong_dead_letters_total", "topic", topic);
    }
}

package org.rongtong.demand;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rongtong.demand.Fixtures.createDemand;
import static org.rongtong.demand.Fixtures.demand;
import static org.rongtong.demand.Fixtures.post;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.OutboxDrain;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.PrometheusText;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** demand-service's business metrics on the management port count committed publications and proposals only. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class DemandMetricsTest {

    private static final Duration DRAIN = Duration.ofSeconds(30);

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private PrometheusText scrape() {
        return PrometheusText.parse(given().when().get(metrics).then().statusCode(200).extract().asString());
    }

    @Test
    void publishedDemandsAndSubmittedProposalsCountAndARefusedBatchOrADraftDoNot() {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        UUID sme = Fixtures.enterprise(EnterpriseKind.SME, "370211");
        String leaderToken = DevTokens.enterprise(leader);
        OutboxDrain.await(DRAIN);
        PrometheusText before = scrape();

        String demandId = createDemand(leaderToken, demand(), false);
        createDemand(leaderToken, demand(), true);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(demand());
        }
        post(leaderToken, "/api/v1/demands/batch", Map.of("demands", batch)).then().statusCode(201);
        List<Map<String, Object>> refused = new ArrayList<>(batch);
        Map<String, Object> bad = demand();
        bad.put("deadline", "2020-01-01T00:00:00Z");
        refused.add(bad);
        post(leaderToken, "/api/v1/demands/batch", Map.of("demands", refused)).then().statusCode(400);
        post(DevTokens.enterprise(sme), "/api/v1/demands/" + demandId + "/proposals", Map.of("title", "内桶注塑配套方案",
                "description", "具备注塑产线和检测能力", "offering", "首批样件两周内交付")).then().statusCode(201);
        OutboxDrain.await(DRAIN);

        PrometheusText after = scrape();
        assertEquals(before.value("rongtong_demands_published_total") + 4, after.value("rongtong_demands_published_total"),
                "one demand and a batch of three; not the draft, not the refused batch");
        assertEquals(before.value("rongtong_proposals_submitted_total") + 1, after.value("rongtong_proposals_submitted_total"));
    }
}

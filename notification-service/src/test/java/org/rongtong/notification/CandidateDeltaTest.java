package org.rongtong.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandCandidatesChanged;
import org.rongtong.events.DemandMatched;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.testing.Api;
import org.rongtong.testing.ConsumerLag;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TestJson;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A demand.candidates-changed delta (ADR 0022) reaches exactly its added candidates, and each receiver only its share. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class CandidateDeltaTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;

    private static int total(UUID enterprise) {
        return Api.asEnterprise(enterprise).when().get("/api/v1/inbox").then().statusCode(200)
                .extract().path("total");
    }

    private static DemandMatched.Candidate candidate(UUID enterprise, String name, int rank, String region) {
        return new DemandMatched.Candidate(UUID.randomUUID(), enterprise, name, rank, 0.9 - rank * 0.1,
                List.of(new DemandMatched.Reason("capability", 0.5, "精密注塑")), region);
    }

    @Test
    void aDeltaNotifiesExactlyTheAddedCandidatesAndAWebhookCarriesOnlyTheReceiversOwnEntries() throws Exception {
        String chain = WebhookDeliveryTest.uniqueChain();
        UUID demand = UUID.randomUUID();
        UUID publisher = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID displaced = UUID.randomUUID();
        UUID added1 = UUID.randomUUID();
        UUID added2 = UUID.randomUUID();
        DemandMatched first = new DemandMatched(demand, 1, publisher, CooperationField.PRODUCT_SUPPORTING, chain, "精密注塑件配套", "37",
                List.of(candidate(kept, "青岛精工模具", 1, "370211"), candidate(displaced, "烟台塑业", 2, "370600")), Instant.now(), "370212");
        TopicProbe.publish(Topics.MATCHES, demand.toString(), EventTypes.DEMAND_MATCHED, JSON.writeValueAsString(first),
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> total(kept) == 1 && total(displaced) == 1);

        try (Receiver forAdded1 = new Receiver(n -> 200); Receiver forPublisher = new Receiver(n -> 200)) {
            WebhookDeliveryTest.subscribe(DevTokens.enterprise(added1), forAdded1.url(), chain);
            WebhookDeliveryTest.subscribe(DevTokens.enterprise(publisher), forPublisher.url(), chain);
            DemandCandidatesChanged delta = new DemandCandidatesChanged(demand, 1, publisher, CooperationField.PRODUCT_SUPPORTING, chain,
                    "精密注塑件配套", "37", List.of(candidate(added1, "潍坊精密", 1, "370700"), candidate(added2, "淄博模具", 3, "370300")),
                    List.of(new DemandCandidatesChanged.Displaced(first.candidates().get(1).matchId(), displaced, "370600")),
                    Instant.now(), "370212");
            TopicProbe.publish(Topics.MATCHES, demand.toString(), EventTypes.DEMAND_CANDIDATES_CHANGED, JSON.writeValueAsString(delta),
                    UUID.randomUUID().toString());

            await().atMost(Duration.ofSeconds(30)).until(() -> total(added1) == 1 && total(added2) == 1);
            Api.asEnterprise(added2).when().get("/api/v1/inbox").then().statusCode(200)
                    .body("items[0].title", containsString("第 3 名"));
            Api.asEnterprise(publisher).when().get("/api/v1/inbox").then().statusCode(200)
                    .body("items[0].title", containsString("新增 2"));
            ConsumerLag.awaitCaughtUp("notification-service", Topics.MATCHES, Duration.ofSeconds(30));
            assertEquals(1, total(kept), "a candidate already listed hears nothing new");
            assertEquals(1, total(displaced), "nor does the displaced one");

            await().atMost(Duration.ofSeconds(20)).until(() -> forAdded1.succeeded().size() == 1 && forPublisher.succeeded().size() == 1);
            JsonNode toAdded1 = JSON.readTree(forAdded1.succeeded().get(0).body());
            assertEquals(EventTypes.DEMAND_CANDIDATES_CHANGED, toAdded1.path("type").asText());
            assertEquals(List.of(added1.toString()), ids(toAdded1.path("data").path("candidates")), "a candidate sees its own entry only");
            assertEquals(0, toAdded1.path("data").path("displaced").size(), "and no competitor that left");
            assertFalse(forAdded1.succeeded().get(0).body().contains(added2.toString()));
            JsonNode toPublisher = JSON.readTree(forPublisher.succeeded().get(0).body());
            assertEquals(List.of(added1.toString(), added2.toString()), ids(toPublisher.path("data").path("candidates")));
            assertEquals(List.of(displaced.toString()), ids(toPublisher.path("data").path("displaced")));
        }
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(c -> out.add(c.path("enterpriseId").asText()));
        return out;
    }
}

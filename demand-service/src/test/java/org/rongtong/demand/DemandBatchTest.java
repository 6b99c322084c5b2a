package org.rongtong.demand;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rongtong.demand.Fixtures.demand;
import static org.rongtong.demand.Fixtures.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TopicProbe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A chain leader's batch (such as 63 demands in 9 fields): all or nothing, each demand with its own event. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class DemandBatchTest {

    private static TopicProbe demands;

    @BeforeAll
    static void probe() {
        demands = TopicProbe.of(Topics.DEMANDS);
    }

    @AfterAll
    static void closeProbe() {
        demands.close();
    }

    private static List<Map<String, Object>> nineFields() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (CooperationField field : List.of(CooperationField.values()).subList(0, 9)) {
            Map<String, Object> item = demand();
            item.put("field", field.name());
            item.put("title", "批量需求 " + field);
            items.add(item);
        }
        return items;
    }

    @Test
    void aBatchPublishesEveryDemandEachWithItsOwnEvent() {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");

        List<String> ids = post(DevTokens.enterprise(leader), "/api/v1/demands/batch", Map.of("demands", nineFields()))
                .then().statusCode(201).body("demands.size()", equalTo(9)).body("demands.status", hasItems("PUBLISHED"))
                .body("demands[8].field", equalTo("TALENT_SHARING")).extract().path("demands.id");

        for (String id : ids) {
            ConsumerRecord<String, String> event = demands.awaitKey(id, EventTypes.DEMAND_PUBLISHED, Duration.ofSeconds(30));
            assertTrue(event.value().contains("\"publisherId\":\"" + leader + "\""), event.value());
        }
        assertEquals(9, Fixtures.count("SELECT count(*) FROM demand WHERE publisher_id = ?", leader));
    }

    @Test
    void oneBadItemRejectsTheWholeBatchAndNamesTheItem() {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        List<Map<String, Object>> items = nineFields();
        items.get(3).put("deadline", "2020-01-01T00:00:00Z");
        items.get(5).put("budgetMin", 9_000_000);

        post(DevTokens.enterprise(leader), "/api/v1/demands/batch", Map.of("demands", items)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.size()", equalTo(2))
                .body("errors[0].field", equalTo("demands[3].deadline"))
                .body("errors[1].field", equalTo("demands[5].budgetMax"));

        // a later single publication's event proves the refused batch left none behind (one relay, outbox order)
        String later = Fixtures.createDemand(DevTokens.enterprise(leader), demand(), false);
        demands.awaitKey(later, EventTypes.DEMAND_PUBLISHED, Duration.ofSeconds(30));
        long eventsOfLeader = demands.drain(Duration.ofMillis(300)).stream()
                .filter(r -> r.value().contains("\"publisherId\":\"" + leader + "\"")).count();
        assertEquals(1, eventsOfLeader);
        assertEquals(1, Fixtures.count("SELECT count(*) FROM demand WHERE publisher_id = ?", leader));
    }

    @Test
    void aBatchOfAnSmeOrTooLargeOrEmptyIsRefusedWhole() {
        UUID sme = Fixtures.enterprise(EnterpriseKind.SME, "370212");
        post(DevTokens.enterprise(sme), "/api/v1/demands/batch", Map.of("demands", nineFields())).then().statusCode(422)
                .contentType("application/problem+json").body("title", equalTo("Not a chain leader"));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM demand WHERE publisher_id = ?", sme));

        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(demand());
        }
        post(DevTokens.enterprise(leader), "/api/v1/demands/batch", Map.of("demands", tooMany)).then().statusCode(400)
                .body("errors[0].field", equalTo("demands"));
        post(DevTokens.enterprise(leader), "/api/v1/demands/batch", Map.of("demands", List.of())).then().statusCode(400)
                .body("errors[0].field", equalTo("demands"));

        // a partner names the publisher once, for the whole batch; an item may not name another one
        List<Map<String, Object>> items = nineFields();
        items.get(2).put("publisherId", UUID.randomUUID().toString());
        post(DevTokens.partner(leader), "/api/v1/demands/batch", Map.of("publisherId", leader.toString(), "demands", items)).then()
                .statusCode(400).body("errors[0].field", equalTo("demands[2].publisherId"));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM demand WHERE publisher_id = ?", leader));
    }

    @Test
    void aBatchOfDraftsEmitsNothing() {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        List<String> ids = post(DevTokens.partner(leader), "/api/v1/demands/batch?draft=true",
                Map.of("publisherId", leader.toString(), "demands", nineFields().subList(0, 3)))
                .then().statusCode(201).body("demands.status", equalTo(List.of("DRAFT", "DRAFT", "DRAFT"))).extract().path("demands.id");

        Fixtures.post(DevTokens.enterprise(leader), "/api/v1/demands/" + ids.get(0) + "/publish").then().statusCode(200);
        demands.awaitKey(ids.get(0), EventTypes.DEMAND_PUBLISHED, Duration.ofSeconds(30));
        long eventsOfBatch = demands.drain(Duration.ofMillis(300)).stream().filter(r -> ids.contains(r.key())).count();
        assertEquals(1, eventsOfBatch);
    }
}

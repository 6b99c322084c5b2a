package org.rongtong.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandMatched;
import org.rongtong.events.EventTypes;
import org.rongtong.events.MatchChanged;
import org.rongtong.events.MatchStatus;
import org.rongtong.events.Topics;
import org.rongtong.testing.Api;
import org.rongtong.testing.ConsumerLag;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TestJson;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class InboxTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;

    private static int total(String token, String query) {
        return Api.as(token).when().get("/api/v1/inbox" + query).then().statusCode(200).extract().path("total");
    }

    @Test
    void aMatchEventReachesThePublisherEachCandidateAndTheBureausCoveringTheDemandOnce() throws Exception {
        UUID publisher = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // a six-digit region of this run's own: with one of 90 prefectures, another test's notification counted too
        String region = "37" + String.format("%04d", (int) (Math.random() * 9000) + 1000);
        DemandMatched event = new DemandMatched(UUID.randomUUID(), 1, publisher, CooperationField.PRODUCT_SUPPORTING, "HOME_APPLIANCES",
                "洗衣机内桶精密注塑件配套", region, List.of(
                        new DemandMatched.Candidate(UUID.randomUUID(), first, "青岛精工模具", 1, 0.91, List.of()),
                        new DemandMatched.Candidate(UUID.randomUUID(), second, "烟台塑业", 2, 0.55, List.of())),
                Instant.now(), region);
        String eventId = UUID.randomUUID().toString();
        String json = JSON.writeValueAsString(event);
        TopicProbe.publish(Topics.MATCHES, event.demandId().toString(), EventTypes.DEMAND_MATCHED, json, eventId);

        await().atMost(Duration.ofSeconds(30)).until(() -> total(DevTokens.enterprise(publisher), "") == 1);
        Api.asEnterprise(first).when().get("/api/v1/inbox")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].title", containsString("第 1 名")).body("items[0].demandId", equalTo(event.demandId().toString()));
        Api.asEnterprise(second).when().get("/api/v1/inbox?unread=true")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].title", containsString("第 2 名"));
        Api.asBureau(region).when().get("/api/v1/inbox")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].regionCode", equalTo(region));
        Api.asPartner(first).when().get("/api/v1/inbox?enterpriseId=" + first)
                .then().statusCode(200).body("total", equalTo(1));
        // a partner acts only for the enterprises its token grants
        Api.asPartner(second).when().get("/api/v1/inbox?enterpriseId=" + first)
                .then().statusCode(403).contentType("application/problem+json");
        int provinceBefore = total(DevTokens.bureau("37"), "");
        org.junit.jupiter.api.Assertions.assertTrue(provinceBefore >= 1, "the province's bureau covers its prefectures");
        org.junit.jupiter.api.Assertions.assertEquals(0, total(DevTokens.bureau("44"), ""));

        // the same event delivered again (same ce_id) writes nothing twice
        TopicProbe.publish(Topics.MATCHES, event.demandId().toString(), EventTypes.DEMAND_MATCHED, json, eventId);
        ConsumerLag.awaitCaughtUp("notification-service", Topics.MATCHES, Duration.ofSeconds(30));
        org.junit.jupiter.api.Assertions.assertEquals(1, total(DevTokens.enterprise(publisher), ""));
        org.junit.jupiter.api.Assertions.assertEquals(1, total(DevTokens.bureau(region), ""));
    }

    @Test
    void aDemandWithNoCandidateYetTellsItsPublisherThatItStaysOpen() throws Exception {
        UUID publisher = UUID.randomUUID();
        DemandMatched event = publishNoCandidates(publisher, "太赫兹成像安检门联合研发");

        await().atMost(Duration.ofSeconds(30)).until(() -> total(DevTokens.enterprise(publisher), "") == 1);
        Api.asEnterprise(publisher).when().get("/api/v1/inbox")
                .then().statusCode(200).body("items[0].title", containsString("暂无匹配"))
                .body("items[0].body", containsString("stays open")).body("items[0].demandId", equalTo(event.demandId().toString()));
    }

    @Test
    void matchMovesTellTheSideThatMustActAndAConfirmationAlsoReachesTheBureau() throws Exception {
        UUID publisher = UUID.randomUUID();
        UUID candidate = UUID.randomUUID();
        UUID demand = UUID.randomUUID();
        String region = "37" + String.format("%02d", (int) (Math.random() * 90) + 10);
        int bureauBefore = total(DevTokens.bureau(region), "");
        publishMove(EventTypes.MATCH_INTERESTED, demand, publisher, candidate, region, MatchStatus.PROPOSED, MatchStatus.INTERESTED, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(DevTokens.enterprise(publisher), "") == 1);
        Api.asEnterprise(publisher).when().get("/api/v1/inbox")
                .then().statusCode(200).body("items[0].eventType", equalTo(EventTypes.MATCH_INTERESTED))
                .body("items[0].title", containsString("表示有意向")).body("items[0].demandId", equalTo(demand.toString()));

        publishMove(EventTypes.MATCH_CONFIRMED, demand, publisher, candidate, region, MatchStatus.SHORTLISTED, MatchStatus.COOPERATING, "下周签约");
        await().atMost(Duration.ofSeconds(30)).until(() -> total(DevTokens.enterprise(candidate), "") == 1);
        Api.asEnterprise(candidate).when().get("/api/v1/inbox")
                .then().statusCode(200).body("items[0].eventType", equalTo(EventTypes.MATCH_CONFIRMED))
                .body("items[0].title", containsString("已确认")).body("items[0].body", containsString("下周签约"));
        Api.asBureau(region).when().get("/api/v1/inbox")
                .then().statusCode(200).body("total", equalTo(bureauBefore + 1)).body("items[0].title", containsString("对接成功"));
        // each side hears only of the other's move: the candidate not of its own interest, the publisher not of its confirmation
        org.junit.jupiter.api.Assertions.assertEquals(1, total(DevTokens.enterprise(publisher), ""));
        org.junit.jupiter.api.Assertions.assertEquals(1, total(DevTokens.enterprise(candidate), ""));
    }

    @Test
    void aBureauIsToldOfADemandPublishedElsewhereOnlyThroughTheCandidatesRegisteredInItsRegion() throws Exception {
        // six-digit regions of this run's own, so that other tests' notifications do not count
        String county = String.format("%02d", (int) (Math.random() * 90) + 10);
        String jinan = "3701" + county;
        String qingdao = "3702" + county;
        UUID publisher = UUID.randomUUID();
        UUID demand = UUID.randomUUID();
        DemandMatched event = new DemandMatched(demand, 1, publisher, CooperationField.PRODUCT_SUPPORTING, "HOME_APPLIANCES",
                "省级模具配套", "37", List.of(
                        new DemandMatched.Candidate(UUID.randomUUID(), UUID.randomUUID(), "青岛精工模具", 1, 0.91, List.of(), qingdao),
                        new DemandMatched.Candidate(UUID.randomUUID(), UUID.randomUUID(), "深圳精密", 2, 0.8, List.of(), "440301"),
                        new DemandMatched.Candidate(UUID.randomUUID(), UUID.randomUUID(), "济南机床", 3, 0.7, List.of(), jinan)),
                Instant.now(), jinan);
        TopicProbe.publish(Topics.MATCHES, demand.toString(), EventTypes.DEMAND_MATCHED, JSON.writeValueAsString(event), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> total(DevTokens.enterprise(publisher), "") == 1);

        String byDemand = "?demandId=" + demand;
        Api.asBureau(qingdao).when().get("/api/v1/inbox" + byDemand)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].body", containsString("青岛精工模具"))
                .body("items[0].body", org.hamcrest.Matchers.not(containsString("深圳精密")))
                .body("items[0].body", org.hamcrest.Matchers.not(containsString("济南机床")));
        Api.asBureau(jinan).when().get("/api/v1/inbox" + byDemand)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].body", containsString("has 3 candidate"));
        // the province covers the publisher: the whole demand once, not again through its Qingdao candidate
        Api.asBureau("37").when().get("/api/v1/inbox" + byDemand)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].regionCode", equalTo(jinan));
        Api.asBureau("44").when().get("/api/v1/inbox" + byDemand)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].regionCode", equalTo("440301"));
        org.junit.jupiter.api.Assertions.assertEquals(0, total(DevTokens.bureau("45"), byDemand));
    }

    /** A demand of the publisher's in region 3702 that no enterprise fits (yet), as matching-service announces it. */
    private static DemandMatched publishNoCandidates(UUID publisher, String title) throws Exception {
        DemandMatched event = new DemandMatched(UUID.randomUUID(), 1, publisher, CooperationField.TECH_RND, "HOME_APPLIANCES",
                title, "3702", List.of(), Instant.now());
        TopicProbe.publish(Topics.MATCHES, event.demandId().toString(), EventTypes.DEMAND_MATCHED, JSON.writeValueAsString(event),
                UUID.randomUUID().toString());
        return event;
    }

    private static void publishMove(String type, UUID demand, UUID publisher, UUID candidate, String region, MatchStatus from,
            MatchStatus to, String note) throws Exception {
        MatchChanged change = new MatchChanged(UUID.randomUUID(), 2, demand, publisher, candidate, "青岛精工模具", CooperationField.PRODUCT_SUPPORTING,
                "HOME_APPLIANCES", "洗衣机内桶精密注塑件配套", region, from, to, MatchChanged.VIA_API, null, note, Instant.now(), null, region, null);
        TopicProbe.publish(Topics.MATCHES, demand.toString(), type, JSON.writeValueAsString(change), UUID.randomUUID().toString());
    }

    @Test
    void aRepeatedCandidateListNotifiesOnlyTheNewcomers() throws Exception {
        UUID publisher = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID demandId = UUID.randomUUID();
        var first = new DemandMatched.Candidate(UUID.randomUUID(), early, "青岛精工模具", 1, 0.91, List.of());
        DemandMatched ranked = new DemandMatched(demandId, 1, publisher, CooperationField.PRODUCT_SUPPORTING, "HOME_APPLIANCES",
                "空调面板注塑配套", "3702", List.of(first), Instant.now());
        TopicProbe.publish(Topics.MATCHES, demandId.toString(), EventTypes.DEMAND_MATCHED, JSON.writeValueAsString(ranked));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(DevTokens.enterprise(early), "") == 1);

        // reverse matching found a later-registered fit and re-sends the full list
        DemandMatched again = new DemandMatched(demandId, 1, publisher, CooperationField.PRODUCT_SUPPORTING, "HOME_APPLIANCES",
                "空调面板注塑配套", "3702", List.of(first, new DemandMatched.Candidate(UUID.randomUUID(), late, "新来的企业", 2, 0.7, List.of())),
                Instant.now());
        TopicProbe.publish(Topics.MATCHES, demandId.toString(), EventTypes.DEMAND_MATCHED, JSON.writeValueAsString(again));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(DevTokens.enterprise(late), "") == 1);
        ConsumerLag.awaitCaughtUp("notification-service", Topics.MATCHES, Duration.ofSeconds(30));

        org.junit.jupiter.api.Assertions.assertEquals(1, total(DevTokens.enterprise(early), ""), "no second notice for a known candidate");
        Api.asEnterprise(publisher).when().get("/api/v1/inbox")
                .then().statusCode(200).body("total", equalTo(2)).body("items[0].title", containsString("新增 1 家"));
    }

    @Test
    void anInboxIsReadOnlyByItsOwnerAndInBoundedPages() {
        UUID someone = UUID.randomUUID();
        Api.asEnterprise(UUID.randomUUID()).when().get("/api/v1/inbox?enterpriseId=" + someone)
                .then().statusCode(403).contentType("application/problem+json");
        Api.asPartner().when().get("/api/v1/inbox")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("enterpriseId"));
        Api.asOperator().when().get("/api/v1/inbox?size=500")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().when().get("/api/v1/inbox").then().statusCode(401);
    }

    @Test
    void aRecipientMarksANotificationReadAndUnreadAndNobodyElseCan() throws Exception {
        UUID publisher = UUID.randomUUID();
        DemandMatched event = publishNoCandidates(publisher, "变频控制板联合研发");
        String token = DevTokens.enterprise(publisher);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(token, "?unread=true") == 1);
        String id = Api.as(token).when().get("/api/v1/inbox?demandId=" + event.demandId())
                .then().statusCode(200).body("total", equalTo(1)).extract().path("items[0].id");

        Api.asEnterprise(UUID.randomUUID()).when().post("/api/v1/inbox/" + id + "/read")
                .then().statusCode(404).contentType("application/problem+json");
        Api.as(token).when().post("/api/v1/inbox/" + id + "/read").then().statusCode(200)
                .body("readAt", org.hamcrest.Matchers.notNullValue());
        org.junit.jupiter.api.Assertions.assertEquals(0, total(token, "?unread=true"));
        org.junit.jupiter.api.Assertions.assertEquals(1, total(token, ""));
        Api.as(token).when().delete("/api/v1/inbox/" + id + "/read").then().statusCode(200)
                .body("readAt", equalTo(null));
        org.junit.jupiter.api.Assertions.assertEquals(1, total(token, "?unread=true"));
        org.junit.jupiter.api.Assertions.assertEquals(0, total(token, "?eventType=other.type"));
    }

    @Test
    void aPoisonRecordIsParkedInTheDeadLetterTopicWithItsReasonAndTheRestOfTheBatchProceeds() throws Exception {
        UUID publisher = UUID.randomUUID();
        String demand = UUID.randomUUID().toString();
        try (TopicProbe dlq = TopicProbe.of("notification-service.dlq.v1")) {
            TopicProbe.publish(Topics.MATCHES, demand, EventTypes.DEMAND_MATCHED, "{not json", UUID.randomUUID().toString());
            DemandMatched good = new DemandMatched(UUID.randomUUID(), 1, publisher, CooperationField.TECH_RND, "HOME_APPLIANCES",
                    "电机驱动", null, List.of(), Instant.now());
            TopicProbe.publish(Topics.MATCHES, demand, EventTypes.DEMAND_MATCHED, JSON.writeValueAsString(good), UUID.randomUUID().toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> total(DevTokens.enterprise(publisher), "") == 1);
            var parked = dlq.await(r -> demand.equals(r.key()), Duration.ofSeconds(30));
            org.junit.jupiter.api.Assertions.assertEquals("{not json", parked.value());
            org.junit.jupiter.api.Assertions.assertTrue(TopicProbe.header(parked, "dead-letter-reason").contains("unreadable data"));
        }
    }
}

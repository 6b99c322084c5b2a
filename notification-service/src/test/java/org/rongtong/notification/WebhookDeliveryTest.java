package org.rongtong.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandMatched;
import org.rongtong.events.EventTypes;
import org.rongtong.events.MatchChanged;
import org.rongtong.events.MatchStatus;
import org.rongtong.events.Topics;
import org.rongtong.notification.service.WebhookDispatcher;
import org.rongtong.notification.service.WebhookSigner;
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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Webhooks against a real HTTP receiver; each test filters on its own chain so the others' events never reach it. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;

    @Inject
    WebhookDispatcher dispatcher;

    static String uniqueChain() {
        return "CHAIN_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static JsonPath subscribe(String token, String url, String chain) {
        return Api.as(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "description", "test receiver", "filter", Map.of("chains", List.of(chain))))
                .when().post("/api/v1/subscriptions").then().statusCode(201).extract().jsonPath();
    }

    static String publish(UUID demandId, UUID publisher, String chain, String region) throws Exception {
        return publish(demandId, publisher, chain, region, Map.of());
    }

    static String publish(UUID demandId, UUID publisher, String chain, String region, Map<String, String> headers) throws Exception {
        // published from the demand's region, by a publisher registered there
        DemandMatched event = new DemandMatched(demandId, 1, publisher, CooperationField.TECH_RND, chain, "高端轴承联合研发", region,
                List.of(new DemandMatched.Candidate(UUID.randomUUID(), UUID.randomUUID(), "洛阳轴研", 1, 0.8, List.of())), Instant.now(), region);
        String eventId = UUID.randomUUID().toString();
        TopicProbe.publish(Topics.MATCHES, demandId.toString(), EventTypes.DEMAND_MATCHED, JSON.writeValueAsString(event), eventId, headers);
        return eventId;
    }

    /** How many of the subscription's deliveries are in this status. */
    static int deliveries(String subscriptionId, String status) {
        return Api.asOperator().when().get("/api/v1/subscriptions/" + subscriptionId + "/deliveries?status=" + status)
                .then().statusCode(200).extract().jsonPath().getInt("total");
    }

    static JsonPath log(String token, String subscriptionId) {
        return Api.as(token).when().get("/api/v1/subscriptions/" + subscriptionId + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    /** ADR 0021: the request continues the trace of the event it delivers (here with the SDK off, as in every test). */
    @Test
    void aDeliveryCarriesTheTraceOfItsEventAndAnUntracedEventSendsNoTraceparent() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204)) {
            String chain = uniqueChain();
            subscribe(DevTokens.operator(), receiver.url(), chain);
            UUID traced = UUID.randomUUID();
            publish(traced, UUID.randomUUID(), chain, "44",
                    Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "tracestate", "rongtong=test"));
            UUID untraced = UUID.randomUUID();
            publish(untraced, UUID.randomUUID(), chain, "44");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.succeeded().size() == 2);

            Receiver.Received withTrace = receiver.succeeded().stream().filter(r -> r.body().contains(traced.toString())).findFirst().orElseThrow();
            assertTrue(withTrace.traceparent() != null && withTrace.traceparent().startsWith("00-0af7651916cd43dd8448eb211c80319c-"),
                    "the event's trace id: " + withTrace.traceparent());
            Receiver.Received withoutTrace = receiver.succeeded().stream().filter(r -> r.body().contains(untraced.toString())).findFirst().orElseThrow();
            assertEquals(null, withoutTrace.traceparent());
        }
    }

    @Test
    void theSignatureVerifiesWithTheSecretAndFailsWithAWrongOne() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204)) {
            String chain = uniqueChain();
            JsonPath sub = subscribe(DevTokens.operator(), receiver.url(), chain);
            String secret = sub.getString("secret");
            assertTrue(secret.startsWith("whsec_"), secret);
            // the secret is shown once: reading the subscription again does not show it
            Api.asOperator().when().get("/api/v1/subscriptions/" + sub.getString("id"))
                    .then().statusCode(200).body("secret", equalTo(null)).body("filter.chains[0]", equalTo(chain));

            UUID demand = UUID.randomUUID();
            String eventId = publish(demand, UUID.randomUUID(), chain, "3702");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.succeeded().size() == 1);

            Receiver.Received got = receiver.succeeded().get(0);
            assertEquals(eventId, got.id(), "webhook-id is the CloudEvents id");
            assertTrue(Math.abs(Long.parseLong(got.timestamp()) - Instant.now().getEpochSecond()) < 30);
            assertEquals(WebhookSigner.sign(secret, got.id(), Long.parseLong(got.timestamp()), got.body()), got.signature());
            assertFalse(got.signature().contains(WebhookSigner.sign(WebhookSigner.newSecret(), got.id(), Long.parseLong(got.timestamp()), got.body())));
            assertFalse(got.signature().contains(WebhookSigner.sign(secret, got.id(), Long.parseLong(got.timestamp()), got.body() + " ")),
                    "a tampered body does not verify");
            JsonNode body = JSON.readTree(got.body());
            assertEquals("1.0", body.get("specversion").asText());
            assertEquals(EventTypes.DEMAND_MATCHED, body.get("type").asText());
            assertEquals(demand.toString(), body.get("data").get("demandId").asText());
        }
    }

    @Test
    void aReceiverAnswering500Then200GetsExactlyOneSuccessAndTheLogShowsTheRetry() throws Exception {
        try (Receiver receiver = new Receiver(n -> n == 1 ? 500 : 200)) {
            String chain = uniqueChain();
            String id = subscribe(DevTokens.operator(), receiver.url(), chain).getString("id");
            publish(UUID.randomUUID(), UUID.randomUUID(), chain, "44");
            await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(log(DevTokens.operator(), id).getString("items[0].status")));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> receiver.requests() == 2); // nothing more arrives
            assertEquals(1, receiver.succeeded().size());
            assertEquals(2, receiver.requests());
            JsonPath log = log(DevTokens.operator(), id);
            assertEquals(1, log.getInt("total"));
            assertEquals(2, log.getInt("items[0].attempts"));
            assertEquals(List.of(500, 200), log.getList("items[0].log.statusCode"));
            assertEquals(200, log.getInt("items[0].lastStatusCode"));
            assertTrue(log.getLong("items[0].log[1].latencyMs") >= 0);
        }
    }

    @Test
    void aDeliveryWrittenWhileTheDispatcherRunsIsHandedOverAndAFailingHeadStillHoldsBackItsDemand() throws Exception {
        // the head's first attempt hangs past the 1 s timeout: it stays pending for over a second, long after the later
        // events are written (a quick 500 and a 200 ms backoff could let it be delivered before they were)
        try (Receiver receiver = new Receiver(n -> n == 1 ? -1500 : 200)) {
            String chain = uniqueChain();
            subscribe(DevTokens.operator(), receiver.url(), chain);
            long handedOverBefore = dispatcher.handedOver();
            UUID demand = UUID.randomUUID();
            String head = publish(demand, UUID.randomUUID(), chain, "44");
            // the head went straight to the dispatcher and failed: it waits for its retry in the queue
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests() >= 1);
            assertEquals(handedOverBefore + 1, dispatcher.handedOver(), "the head needed no claim");
            List<String> later = List.of(publish(demand, UUID.randomUUID(), chain, "44"), publish(demand, UUID.randomUUID(), chain, "44"));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.succeeded().size() == 3);
            assertEquals(List.of(head, later.get(0), later.get(1)), receiver.succeeded().stream().map(Receiver.Received::id).toList(),
                    "the later events of the demand neither overtook the retried head nor were handed over past it");
            assertEquals(handedOverBefore + 1, dispatcher.handedOver(), "the later events came through the queue, behind the head");
        }
    }

    @Test
    void aSubscriptionToConfirmationsGetsTheConfirmedMoveAndNothingElse() throws Exception {
        try (Receiver receiver = new Receiver(n -> 200)) {
            String chain = uniqueChain();
            Api.asOperator().contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "description", "cooperations", "filter",
                            Map.of("chains", List.of(chain), "eventTypes", List.of(EventTypes.MATCH_CONFIRMED))))
                    .when().post("/api/v1/subscriptions").then().statusCode(201);
            UUID demand = UUID.randomUUID();
            UUID publisher = UUID.randomUUID();
            UUID candidate = UUID.randomUUID();
            publish(demand, publisher, chain, "3702");
            MatchChanged interested = new MatchChanged(UUID.randomUUID(), 2, demand, publisher, candidate, "洛阳轴研", CooperationField.TECH_RND,
                    chain, "高端轴承联合研发", "3702", MatchStatus.PROPOSED, MatchStatus.INTERESTED, MatchChanged.VIA_API, null, null, Instant.now(),
                    null, "3702", null);
            TopicProbe.publish(Topics.MATCHES, demand.toString(), EventTypes.MATCH_INTERESTED, JSON.writeValueAsString(interested),
                    UUID.randomUUID().toString());
            String confirmed = UUID.randomUUID().toString();
            TopicProbe.publish(Topics.MATCHES, demand.toString(), EventTypes.MATCH_CONFIRMED, JSON.writeValueAsString(new MatchChanged(
                    interested.matchId(), 4, demand, publisher, candidate, "洛阳轴研", CooperationField.TECH_RND, chain, "高端轴承联合研发", "3702",
                    MatchStatus.SHORTLISTED, MatchStatus.COOPERATING, MatchChanged.VIA_API, null, null, Instant.now(), null, "3702", null)), confirmed);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.succeeded().size() == 1);
            ConsumerLag.awaitCaughtUp("notification-service", Topics.MATCHES, Duration.ofSeconds(30));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> receiver.requests() == 1); // nothing more arrives
            assertEquals(List.of(confirmed), receiver.succeeded().stream().map(Receiver.Received::id).toList());
            JsonNode body = JSON.readTree(receiver.succeeded().get(0).body());
            assertEquals(EventTypes.MATCH_CONFIRMED, body.get("type").asText());
            assertEquals("COOPERATING", body.get("data").get("status").asText());
        }
    }

    @Test
    void stoppingTheDispatcherGivesDeliveriesItHasNotSentBackToTheQueueAtOnce() throws Exception {
        // 40 deliveries queued while the dispatcher is down; once started it takes them all (16 slots, 500 ms per
        // request), so at the first request most wait in memory, leased for 34 s (%test); stopping there must give them back
        try (Receiver receiver = new Receiver(n -> -500)) {
            String chain = uniqueChain();
            String id = subscribe(DevTokens.operator(), receiver.url(), chain).getString("id");
            dispatcher.stop();
            try {
                for (int i = 0; i < 40; i++) {
                    publish(UUID.randomUUID(), UUID.randomUUID(), chain, "44");
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> log(DevTokens.operator(), id).getInt("total") == 40);
                dispatcher.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests() >= 1);
                dispatcher.stop();
                // the requests in flight end and are recorded: every request the receiver got is delivered or back in the queue
                await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(id, "DELIVERED") + deliveries(id, "PENDING") == 40
                        && deliveries(id, "DELIVERED") >= receiver.requests());
                JsonPath pending = Api.asOperator()
                        .when().get("/api/v1/subscriptions/" + id + "/deliveries?status=PENDING&size=100").then().statusCode(200).extract().jsonPath();
                assertTrue(pending.getInt("total") >= 10, "most deliveries were still waiting at the stop: " + pending.getInt("total"));
                Instant soon = Instant.now().plusSeconds(5);
                for (String next : pending.<String>getList("items.nextAttemptAt")) {
                    assertTrue(Instant.parse(next).isBefore(soon), "given back, not leased for the lease's 34 s: " + next);
                }
            } finally {
                dispatcher.start();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> Api.asOperator()
                    .when().get("/api/v1/subscriptions/" + id + "/deliveries?status=DELIVERED").then().extract().jsonPath().getInt("total") == 40);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> receiver.requests() == 40);
            assertEquals(40, receiver.requests(), "none lost, none sent twice");
        }
    }

    @Test
    void aHangingReceiverIsTimedOutAndRetried() throws Exception {
        try (Receiver receiver = new Receiver(n -> n == 1 ? -4000 : 200)) {
            String chain = uniqueChain();
            String id = subscribe(DevTokens.operator(), receiver.url(), chain).getString("id");
            publish(UUID.randomUUID(), UUID.randomUUID(), chain, "44");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.succeeded().size() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(log(DevTokens.operator(), id).getString("items[0].status")));
            JsonPath log = log(DevTokens.operator(), id);
            assertEquals("timed out", log.getString("items[0].log[0].error"));
            assertEquals(null, (Object) log.get("items[0].log[0].statusCode"));
            assertTrue(log.getLong("items[0].log[0].latencyMs") >= 900, "the attempt lasted about the 1 s timeout");
            assertEquals(200, log.getInt("items[0].log[1].statusCode"));
        }
    }

    @Test
    void pendingDeliveriesSurviveARestartOfTheDispatcherAndArriveOnceInOrderPerDemand() throws Exception {
        try (Receiver receiver = new Receiver(n -> 200)) {
            String chain = uniqueChain();
            String id = subscribe(DevTokens.operator(), receiver.url(), chain).getString("id");
            dispatcher.stop();
            try {
                UUID demand = UUID.randomUUID();
                List<String> sent = Arrays.asList(publish(demand, UUID.randomUUID(), chain, "44"), publish(demand, UUID.randomUUID(), chain, "44"),
                        publish(demand, UUID.randomUUID(), chain, "44"), publish(UUID.randomUUID(), UUID.randomUUID(), chain, "44"));
                await().atMost(Duration.ofSeconds(20)).until(() -> log(DevTokens.operator(), id).getInt("total") == 4);
                assertEquals(4, Api.asOperator().when().get("/api/v1/subscriptions/" + id + "/deliveries?status=PENDING")
                        .then().statusCode(200).extract().jsonPath().getInt("total"));
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> receiver.requests() == 0);
                assertEquals(0, receiver.requests(), "nothing goes out while the dispatcher is down");

                dispatcher.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.succeeded().size() == 4);
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> receiver.requests() == 4);
                List<String> got = receiver.succeeded().stream().map(Receiver.Received::id).toList();
                assertEquals(4, got.size(), "none lost, none duplicated");
                List<String> sameDemand = got.stream().filter(sent.subList(0, 3)::contains).toList();
                assertEquals(sent.subList(0, 3), sameDemand, "one demand's events arrive in order");
            } finally {
                dispatcher.start();
            }
        }
    }

    @Test
    void aSlowReceiverDoesNotDelayAnotherSubscriptionsDeliveries() throws Exception {
        // the slow receiver takes 700 ms per request (under the 1 s timeout of %test): 40 deliveries need at least three
        // waves of its 16 slots, over two seconds
        try (Receiver slow = new Receiver(n -> -700); Receiver fast = new Receiver(n -> 200)) {
            String slowChain = uniqueChain();
            String fastChain = uniqueChain();
            String slowId = subscribe(DevTokens.operator(), slow.url(), slowChain).getString("id");
            String fastId = subscribe(DevTokens.operator(), fast.url(), fastChain).getString("id");
            dispatcher.stop();
            List<String> fastEvents;
            try {
                // the slow target's backlog is older, so it is due first
                for (int i = 0; i < 40; i++) {
                    publish(UUID.randomUUID(), UUID.randomUUID(), slowChain, "44");
                }
                fastEvents = List.of(publish(UUID.randomUUID(), UUID.randomUUID(), fastChain, "44"),
                        publish(UUID.randomUUID(), UUID.randomUUID(), fastChain, "44"),
                        publish(UUID.randomUUID(), UUID.randomUUID(), fastChain, "44"));
                await().atMost(Duration.ofSeconds(20)).until(() -> log(DevTokens.operator(), slowId).getInt("total") == 40
                        && log(DevTokens.operator(), fastId).getInt("total") == 3);
            } finally {
                dispatcher.start();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> fast.succeeded().size() == 3);
            int slowPending = Api.asOperator().when().get("/api/v1/subscriptions/" + slowId + "/deliveries?status=PENDING")
                    .then().statusCode(200).extract().jsonPath().getInt("total");
            assertTrue(slowPending > 0, "the fast receiver had everything while the slow one was still working through its backlog");
            assertEquals(fastEvents.stream().sorted().toList(), fast.succeeded().stream().map(Receiver.Received::id).sorted().toList());
        }
    }

    @Test
    void aReceiverThatKeepsFailingIsParkedPausedAndItsOwnerToldThenRedeliveryWorks() throws Exception {
        try (Receiver receiver = new Receiver(n -> 500)) {
            UUID owner = UUID.randomUUID();
            String chain = uniqueChain();
            String token = DevTokens.enterprise(owner);
            String id = subscribe(token, receiver.url(), chain).getString("id");
            publish(UUID.randomUUID(), owner, chain, "44");
            await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(log(token, id).getString("items[0].status")));
            JsonPath failed = log(token, id);
            assertEquals(4, failed.getInt("items[0].attempts"), "max-attempts in %test");
            String deliveryId = failed.getString("items[0].id");

            publish(UUID.randomUUID(), owner, chain, "44");
            await().atMost(Duration.ofSeconds(20)).until(() -> "PAUSED".equals(Api.as(token)
                    .when().get("/api/v1/subscriptions/" + id).then().extract().path("status")));
            int requestsWhenPaused = receiver.requests();
            Api.as(token).when().get("/api/v1/inbox").then().statusCode(200)
                    .body("items.find { it.eventType == 'rongtong.notification.subscription.paused' }.body", startsWith("Subscription " + id));

            // the owner fixes its receiver, resumes, and has the parked delivery sent again
            receiver.behaviour = n -> 200;
            Api.as(token).when().post("/api/v1/subscriptions/" + id + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
            Api.as(token).when().post("/api/v1/subscriptions/" + id + "/deliveries/" + deliveryId + "/redeliver")
                    .then().statusCode(200).body("status", equalTo("PENDING"));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.succeeded().size() == 2);
            assertTrue(receiver.requests() > requestsWhenPaused);
        }
    }

    @Test
    void aRotatedSecretSignsAlongsideTheOldOneDuringTheGracePeriodOnly() throws Exception {
        try (Receiver receiver = new Receiver(n -> 200)) {
            String chain = uniqueChain();
            JsonPath sub = subscribe(DevTokens.operator(), receiver.url(), chain);
            String id = sub.getString("id");
            String oldSecret = sub.getString("secret");
            JsonPath rotated = Api.asOperator().when().post("/api/v1/subscriptions/" + id + "/rotate-secret?graceSeconds=3600")
                    .then().statusCode(200).extract().jsonPath();
            String newSecret = rotated.getString("secret");
            assertTrue(newSecret.startsWith("whsec_") && !newSecret.equals(oldSecret));

            publish(UUID.randomUUID(), UUID.randomUUID(), chain, "44");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.succeeded().size() == 1);
            Receiver.Received during = receiver.succeeded().get(0);
            long ts = Long.parseLong(during.timestamp());
            List<String> signatures = List.of(during.signature().split(" "));
            assertEquals(2, signatures.size(), during.signature());
            assertTrue(signatures.contains(WebhookSigner.sign(newSecret, during.id(), ts, during.body())));
            assertTrue(signatures.contains(WebhookSigner.sign(oldSecret, during.id(), ts, during.body())));

            // rotating with no grace: only the newest secret signs
            String newest = Api.asOperator().when().post("/api/v1/subscriptions/" + id + "/rotate-secret?graceSeconds=0")
                    .then().statusCode(200).extract().path("secret");
            publish(UUID.randomUUID(), UUID.randomUUID(), chain, "44");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.succeeded().size() == 2);
            Receiver.Received after = receiver.succeeded().get(1);
            long ts2 = Long.parseLong(after.timestamp());
            assertEquals(WebhookSigner.sign(newest, after.id(), ts2, after.body()), after.signature());
            assertFalse(after.signature().contains(WebhookSigner.sign(newSecret, after.id(), ts2, after.body())));
        }
    }

    @Test
    void aRejectedTargetUrlAnswers400ProblemJsonNamingTheField() {
        for (String url : List.of("https://user:pass@hooks.example.org/x", "ftp://hooks.example.org/x", "not a url")) {
            Api.asOperator().contentType(ContentType.JSON)
                    .body(Map.of("url", url)).when().post("/api/v1/subscriptions")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        }
    }

    @Test
    void subscriptionsAreScopedToTheCallersEnterpriseOrRegion() throws Exception {
        try (Receiver receiver = new Receiver(n -> 200)) {
            Api.asBureau("37").contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "filter", Map.of("regionPrefix", "44"))).when().post("/api/v1/subscriptions")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("filter.regionPrefix"));

            String chain = uniqueChain();
            JsonPath bureau = subscribe(DevTokens.bureau("37"), receiver.url(), chain);
            assertEquals("37", bureau.getString("filter.regionPrefix"), "a bureau's filter defaults to its region");
            UUID owner = UUID.randomUUID();
            String mine = subscribe(DevTokens.enterprise(owner), receiver.url(), chain).getString("id");
            Api.asEnterprise(UUID.randomUUID()).when().get("/api/v1/subscriptions/" + mine)
                    .then().statusCode(404).contentType("application/problem+json");
            Api.asBureau("37").when().get("/api/v1/subscriptions/" + mine).then().statusCode(404);

            String inShandong = publish(UUID.randomUUID(), UUID.randomUUID(), chain, "3702"); // bureau only
            String inGuangdong = publish(UUID.randomUUID(), owner, chain, "4403"); // the enterprise only
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.succeeded().size() >= 2);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> receiver.requests() == 2);
            List<String> got = receiver.succeeded().stream().map(Receiver.Received::id).sorted().toList();
            assertEquals(List.of(inShandong, inGuangdong).stream().sorted().toList(), got);
            assertEquals(1, log(DevTokens.bureau("37"), bureau.getString("id")).getInt("total"));
            assertEquals(inGuangdong, log(DevTokens.enterprise(owner), mine).getString("items[0].eventId"));

            Api.asEnterprise(owner).when().delete("/api/v1/subscriptions/" + mine).then().statusCode(204);
            Api.asEnterprise(owner).when().get("/api/v1/subscriptions").then().statusCode(200).body("total", equalTo(0));
        }
    }
}

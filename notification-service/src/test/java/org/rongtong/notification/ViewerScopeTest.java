package org.rongtong.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandMatched;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.notification.service.StreamService;
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
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What each receiver sees of an event (ADR 0017), over real HTTP, Kafka and PostgreSQL: webhooks and the stream apply
 * the one rule of Viewer; subscriptions belong to their owner; secrets are sealed at rest; quotas hold.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class ViewerScopeTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;

    @TestHTTPResource("/api/v1/stream")
    URI stream;

    @Inject
    StreamService streams;

    @Inject
    Pool pool;

    record Cand(UUID id, String region) {
    }

    /** A candidate list: the demand lands in {@code landing}, its publisher is registered in {@code publisherRegion}. */
    static String publish(UUID demand, UUID publisher, String publisherRegion, String landing, String chain, Cand... candidates)
            throws Exception {
        List<DemandMatched.Candidate> list = new ArrayList<>();
        for (int i = 0; i < candidates.length; i++) {
            list.add(new DemandMatched.Candidate(UUID.randomUUID(), candidates[i].id(), "企业" + (i + 1), i + 1, 0.9 - i * 0.1,
                    List.of(new DemandMatched.Reason("capabilities", 0.5, "精密加工")), candidates[i].region()));
        }
        DemandMatched event = new DemandMatched(demand, 1, publisher, CooperationField.PRODUCT_SUPPORTING, chain, "省级配套需求", landing,
                list, Instant.now(), publisherRegion);
        String eventId = UUID.randomUUID().toString();
        TopicProbe.publish(Topics.MATCHES, demand.toString(), EventTypes.DEMAND_MATCHED, JSON.writeValueAsString(event), eventId);
        return eventId;
    }

    static List<String> candidateIds(JsonNode cloudEvent) {
        List<String> ids = new ArrayList<>();
        cloudEvent.path("data").path("candidates").forEach(c -> ids.add(c.path("enterpriseId").asText()));
        return ids;
    }

    static JsonNode body(Receiver.Received r) throws Exception {
        return JSON.readTree(r.body());
    }

    static Cand cand(String region) {
        return new Cand(UUID.randomUUID(), region);
    }

    @Test
    void aCandidatesWebhookAndStreamCarryOnlyItsOwnEntryWhileThePublishersCarryTheWholeList() throws Exception {
        String chain = WebhookDeliveryTest.uniqueChain();
        UUID publisher = UUID.randomUUID();
        Cand a = cand("370202");
        Cand b = cand("440301");
        try (Receiver forA = new Receiver(n -> 200); Receiver forPublisher = new Receiver(n -> 200)) {
            String secretA = WebhookDeliveryTest.subscribe(DevTokens.enterprise(a.id()), forA.url(), chain).getString("secret");
            WebhookDeliveryTest.subscribe(DevTokens.enterprise(publisher), forPublisher.url(), chain);
            BlockingQueue<SseClient.Event> streamA = new LinkedBlockingQueue<>();
            BlockingQueue<SseClient.Event> streamP = new LinkedBlockingQueue<>();
            try (Stream<String> sa = SseClient.open(stream, DevTokens.enterprise(a.id()), "?chain=" + chain, streamA);
                    Stream<String> sp = SseClient.open(stream, DevTokens.enterprise(publisher), "?chain=" + chain, streamP)) {
                String eventId = publish(UUID.randomUUID(), publisher, "370101", "37", chain, a, b);

                await().atMost(Duration.ofSeconds(20)).until(() -> forA.succeeded().size() == 1 && forPublisher.succeeded().size() == 1);
                Receiver.Received toA = forA.succeeded().get(0);
                assertEquals(List.of(a.id().toString()), candidateIds(body(toA)), "a candidate's webhook names no competitor");
                assertFalse(toA.body().contains(b.id().toString()));
                assertEquals(WebhookSigner.sign(secretA, toA.id(), Long.parseLong(toA.timestamp()), toA.body()), toA.signature(),
                        "the cut body is the one signed");
                assertEquals(List.of(a.id().toString(), b.id().toString()), candidateIds(body(forPublisher.succeeded().get(0))));

                SseClient.Event onA = streamA.poll(20, TimeUnit.SECONDS);
                SseClient.Event onP = streamP.poll(20, TimeUnit.SECONDS);
                assertNotNull(onA);
                assertNotNull(onP);
                assertEquals(eventId, onA.eventId());
                assertEquals(List.of(a.id().toString()), candidateIds(onA.cloudEvent()), "nor does its stream");
                assertEquals(2, candidateIds(onP.cloudEvent()).size(), "the publisher's stream has the whole list");
            }
        }
    }

    @Test
    void aBureauSeesADemandPublishedInItsRegionWholeAndOfOneFromElsewhereOnlyItsOwnCandidates() throws Exception {
        String chain = WebhookDeliveryTest.uniqueChain();
        UUID publisher = UUID.randomUUID(); // registered in Jinan (3701)
        Cand qingdao = cand("370203");
        Cand jinan = cand("370102");
        Cand shenzhen = cand("440301");
        try (Receiver qd = new Receiver(n -> 200); Receiver sd = new Receiver(n -> 200); Receiver gd = new Receiver(n -> 200)) {
            WebhookDeliveryTest.subscribe(DevTokens.bureau("3702"), qd.url(), chain);
            WebhookDeliveryTest.subscribe(DevTokens.bureau("37"), sd.url(), chain);
            WebhookDeliveryTest.subscribe(DevTokens.bureau("44"), gd.url(), chain);
            BlockingQueue<SseClient.Event> qdStream = new LinkedBlockingQueue<>();
            try (Stream<String> ignored = SseClient.open(stream, DevTokens.bureau("3702"), "?chain=" + chain, qdStream)) {
                // a province-wide demand (37) published from Jinan, with a candidate in Qingdao
                String provinceWide = publish(UUID.randomUUID(), publisher, "370101", "37", chain, qingdao, jinan, shenzhen);
                // and one with no candidate in Qingdao, and none outside Shandong
                String jinanOnly = publish(UUID.randomUUID(), publisher, "370101", "37", chain, jinan);

                await().atMost(Duration.ofSeconds(20)).until(() -> sd.succeeded().size() == 2 && qd.succeeded().size() == 1
                        && gd.succeeded().size() == 1);
                ConsumerLag.awaitCaughtUp("notification-service", Topics.MATCHES, Duration.ofSeconds(30));
                await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)) // nothing more arrives
                        .until(() -> sd.requests() == 2 && qd.requests() == 1 && gd.requests() == 1);

                assertEquals(1, qd.succeeded().size(), "Qingdao hears nothing of a demand without a candidate of its own");
                assertEquals(provinceWide, qd.succeeded().get(0).id());
                assertEquals(List.of(qingdao.id().toString()), candidateIds(body(qd.succeeded().get(0))),
                        "of a demand published elsewhere, only its own region's candidates");
                for (Receiver.Received r : sd.succeeded()) {
                    JsonNode event = body(r);
                    assertEquals(r.id().equals(provinceWide) ? 3 : 1, candidateIds(event).size(), "Shandong's own demands, whole");
                }
                assertEquals(provinceWide, gd.succeeded().get(0).id(), "Guangdong hears nothing of the Shandong-only demand");
                assertEquals(List.of(shenzhen.id().toString()), candidateIds(body(gd.succeeded().get(0))));

                SseClient.Event streamed = qdStream.poll(20, TimeUnit.SECONDS);
                assertNotNull(streamed);
                assertEquals(provinceWide, streamed.eventId());
                assertEquals(List.of(qingdao.id().toString()), candidateIds(streamed.cloudEvent()));
                assertNull(qdStream.poll(1, TimeUnit.SECONDS), "the stream leaves out " + jinanOnly + " too");
            }
        }
    }

    @Test
    void aPartnerCannotSeeOrManageABureausSubscriptionAndStreamsOnlyWhatItsGrantedEnterprisesSee() throws Exception {
        String chain = WebhookDeliveryTest.uniqueChain();
        Cand granted = cand("370203");
        Cand other = cand("370204");
        String partner = DevTokens.partner("partner-" + UUID.randomUUID(), granted.id());
        try (Receiver receiver = new Receiver(n -> 200)) {
            String bureaus = WebhookDeliveryTest.subscribe(DevTokens.bureau("3702"), receiver.url(), chain).getString("id");
            String path = "/api/v1/subscriptions/" + bureaus;
            Api.as(partner).when().get("/api/v1/subscriptions").then().statusCode(200).body("total", equalTo(0));
            Api.as(partner).when().get(path).then().statusCode(404).contentType("application/problem+json");
            Api.as(partner).when().get(path + "/deliveries").then().statusCode(404);
            Api.as(partner).when().post(path + "/rotate-secret").then().statusCode(404);
            Api.as(partner).when().post(path + "/resume").then().statusCode(404);
            Api.as(partner).when().delete(path).then().statusCode(404);
            Api.asBureau("3702").when().get(path).then().statusCode(200).body("owner", equalTo("bureau:bureau-3702"));
            // an operator sees and manages all
            Api.asOperator().when().get(path).then().statusCode(200);

            // a partner owns its own subscriptions, which another partner cannot reach
            String own = WebhookDeliveryTest.subscribe(partner, receiver.url(), chain).getString("id");
            Api.as(partner).when().get("/api/v1/subscriptions/" + own).then().statusCode(200)
                    .body("ownerRole", equalTo("partner")).body("ownerGrantedEnterprises", equalTo(List.of(granted.id().toString())));
            Api.asPartner("another-partner", granted.id()).when().get("/api/v1/subscriptions/" + own)
                    .then().statusCode(404);

            BlockingQueue<SseClient.Event> live = new LinkedBlockingQueue<>();
            try (Stream<String> ignored = SseClient.open(stream, partner, "?chain=" + chain, live)) {
                publish(UUID.randomUUID(), UUID.randomUUID(), "370101", "37", chain, other); // no granted enterprise
                String named = publish(UUID.randomUUID(), UUID.randomUUID(), "370101", "37", chain, other, granted);
                SseClient.Event got = live.poll(20, TimeUnit.SECONDS);
                assertNotNull(got);
                assertEquals(named, got.eventId());
                assertEquals(List.of(granted.id().toString()), candidateIds(got.cloudEvent()), "what its enterprise sees: its own entry");
                assertNull(live.poll(1, TimeUnit.SECONDS), "nothing of enterprises it was not granted, no nationwide feed");
            }
        }
    }

    @Test
    void aMatchMoveReachesOnlyThoseWhoActForItsPartiesOrCoverTheirRegions() throws Exception {
        String chain = WebhookDeliveryTest.uniqueChain();
        UUID publisher = UUID.randomUUID();
        UUID candidate = UUID.randomUUID();
        try (Receiver candidateRegion = new Receiver(n -> 200); Receiver elsewhere = new Receiver(n -> 200);
                Receiver stranger = new Receiver(n -> 200)) {
            WebhookDeliveryTest.subscribe(DevTokens.bureau("4403"), candidateRegion.url(), chain);
            WebhookDeliveryTest.subscribe(DevTokens.bureau("45"), elsewhere.url(), chain);
            WebhookDeliveryTest.subscribe(DevTokens.enterprise(UUID.randomUUID()), stranger.url(), chain);
            BlockingQueue<SseClient.Event> partner = new LinkedBlockingQueue<>();
            try (Stream<String> ignored = SseClient.open(stream, DevTokens.partner("partner-" + UUID.randomUUID(), candidate),
                    "?chain=" + chain, partner)) {
                UUID demand = UUID.randomUUID();
                String moved = UUID.randomUUID().toString();
                TopicProbe.publish(Topics.MATCHES, demand.toString(), EventTypes.MATCH_INTERESTED, JSON.writeValueAsString(
                        new org.rongtong.events.MatchChanged(UUID.randomUUID(), 2, demand, publisher, candidate, "深圳精密",
                                CooperationField.PRODUCT_SUPPORTING, chain, "省级配套需求", "37", org.rongtong.events.MatchStatus.PROPOSED,
                                org.rongtong.events.MatchStatus.INTERESTED, org.rongtong.events.MatchChanged.VIA_API, null, null,
                                Instant.now(), null, "370101", "440301")), moved);
                await().atMost(Duration.ofSeconds(20)).until(() -> candidateRegion.succeeded().size() == 1);
                SseClient.Event got = partner.poll(20, TimeUnit.SECONDS);
                assertNotNull(got);
                assertEquals(moved, got.eventId(), "a partner acting for the candidate");
                ConsumerLag.awaitCaughtUp("notification-service", Topics.MATCHES, Duration.ofSeconds(30));
                await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)) // nothing more arrives
                        .until(() -> candidateRegion.requests() == 1 && elsewhere.requests() == 0 && stranger.requests() == 0);
                assertEquals(moved, candidateRegion.succeeded().get(0).id(), "the bureau of the candidate's region");
                assertEquals(0, elsewhere.requests(), "not a bureau covering neither party");
                assertEquals(0, stranger.requests(), "not an enterprise that is neither party");
            }
        }
    }

    @Test
    void twoOpenStreamsAreServedByOneSharedPollerAndEachGetsItsOwnScopedEvents() throws Exception {
        String chain = WebhookDeliveryTest.uniqueChain();
        Cand mine = cand("370205");
        BlockingQueue<SseClient.Event> enterprise = new LinkedBlockingQueue<>();
        BlockingQueue<SseClient.Event> bureau = new LinkedBlockingQueue<>();
        try (Stream<String> e = SseClient.open(stream, DevTokens.enterprise(mine.id()), "?chain=" + chain, enterprise);
                Stream<String> b = SseClient.open(stream, DevTokens.bureau("45"), "?chain=" + chain, bureau)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams() >= 2);
            long roundsBefore = streams.rounds();
            long started = System.nanoTime();
            String forEnterprise = publish(UUID.randomUUID(), UUID.randomUUID(), "370101", "37", chain, mine);
            String forBureau = publish(UUID.randomUUID(), UUID.randomUUID(), "450102", "45", chain, cand("450103"));
            SseClient.Event toEnterprise = enterprise.poll(20, TimeUnit.SECONDS);
            SseClient.Event toBureau = bureau.poll(20, TimeUnit.SECONDS);
            assertNotNull(toEnterprise);
            assertNotNull(toBureau);
            assertEquals(forEnterprise, toEnterprise.eventId());
            assertEquals(forBureau, toBureau.eventId());
            assertNull(enterprise.poll(1, TimeUnit.SECONDS));
            assertNull(bureau.poll(10, TimeUnit.MILLISECONDS));
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            long rounds = streams.rounds() - roundsBefore;
            // one query per round for every open stream: at most one round per poll interval, not one per stream
            assertTrue(rounds <= elapsedMs / 250 + 2, rounds + " rounds in " + elapsedMs + " ms with " + streams.openStreams() + " streams");
        }
    }

    @Test
    void signingSecretsAreEncryptedAtRestAndDeliveriesStillVerify() throws Exception {
        String chain = WebhookDeliveryTest.uniqueChain();
        UUID publisher = UUID.randomUUID();
        String token = DevTokens.enterprise(publisher);
        try (Receiver receiver = new Receiver(n -> 200)) {
            JsonPath sub = WebhookDeliveryTest.subscribe(token, receiver.url(), chain);
            String id = sub.getString("id");
            String first = sub.getString("secret");
            String second = Api.as(token).when().post("/api/v1/subscriptions/" + id + "/rotate-secret")
                    .then().statusCode(200).extract().path("secret");
            Row row = pool.preparedQuery("SELECT secret, previous_secret FROM subscription WHERE id = $1").execute(Tuple.of(UUID.fromString(id)))
                    .await().atMost(Duration.ofSeconds(5)).iterator().next();
            for (String column : List.of(row.getString("secret"), row.getString("previous_secret"))) {
                assertTrue(column.startsWith("v1:"), column);
                for (String secret : List.of(first, second)) {
                    assertFalse(column.contains(secret) || column.contains(secret.substring("whsec_".length())), "no plaintext secret at rest");
                }
            }

            publish(UUID.randomUUID(), publisher, "370101", "37", chain, cand("370202"));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.succeeded().size() == 1);
            Receiver.Received got = receiver.succeeded().get(0);
            long ts = Long.parseLong(got.timestamp());
            assertEquals(Set.of(WebhookSigner.sign(second, got.id(), ts, got.body()), WebhookSigner.sign(first, got.id(), ts, got.body())),
                    Set.of(got.signature().split(" ")), "both secrets, opened from the database, sign during the grace period");
        }
    }

    @Test
    void anOwnerBeyondItsQuotaOfSubscriptionsOrOpenStreamsIsRefusedWith429() throws Exception {
        String partner = DevTokens.partner("quota-" + UUID.randomUUID(), UUID.randomUUID());
        for (int i = 0; i < 30; i++) { // %test quota
            Api.as(partner).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/hooks"))
                    .when().post("/api/v1/subscriptions").then().statusCode(201);
        }
        Api.as(partner).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/hooks"))
                .when().post("/api/v1/subscriptions").then().statusCode(429).contentType("application/problem+json")
                .body("title", equalTo("Quota exceeded"));
        // another owner is not held back by this one's quota
        Api.asPartner("quota-" + UUID.randomUUID()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hooks")).when().post("/api/v1/subscriptions").then().statusCode(201);

        List<Stream<String>> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) { // %test quota
                open.add(SseClient.open(stream, partner, "", new LinkedBlockingQueue<>()));
            }
            Api.as(partner).when().get("/api/v1/stream").then().statusCode(429).contentType("application/problem+json");
        } finally {
            open.forEach(Stream::close);
        }
    }

    @Test
    void aTargetNamedByHostIsReachedAtTheAddressThePolicyResolvedAndChecked() throws Exception {
        // receiver.rongtong.test resolves only through the policy's resolver (TestHostResolver): the request arrives
        // only if the connection goes to the address that was checked, not to a second lookup of the name
        try (Receiver receiver = new Receiver(n -> 200)) {
            String chain = WebhookDeliveryTest.uniqueChain();
            String url = receiver.url().replace("127.0.0.1", "receiver" + TestHostResolver.DOMAIN);
            WebhookDeliveryTest.subscribe(DevTokens.operator(), url, chain);
            String eventId = WebhookDeliveryTest.publish(UUID.randomUUID(), UUID.randomUUID(), chain, "44");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.succeeded().size() == 1);
            assertEquals(eventId, receiver.succeeded().get(0).id());
        }
    }

    @Test
    void aConnectionFailureIsLoggedWithAGenericReasonThatNamesNoPortOrAddress() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String chain = WebhookDeliveryTest.uniqueChain();
        UUID owner = UUID.randomUUID();
        String token = DevTokens.enterprise(owner);
        String id = WebhookDeliveryTest.subscribe(token, "http://127.0.0.1:" + closed + "/hooks", chain).getString("id");
        WebhookDeliveryTest.publish(UUID.randomUUID(), owner, chain, "44");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Object> attempts = WebhookDeliveryTest.log(token, id).getList("items[0].log");
            return attempts != null && !attempts.isEmpty();
        });
        JsonPath log = WebhookDeliveryTest.log(token, id);
        assertEquals("connection failed", log.getString("items[0].log[0].error"));
        assertEquals("connection failed", log.getString("items[0].lastError"));
        assertFalse(log.prettify().contains(Integer.toString(closed)), "the log names no port");
    }
}

package org.rongtong.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.PrometheusText;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Four real service JVMs, a real Kafka broker and real PostgreSQL databases: a chain leader and three SMEs register,
 * the leader publishes a demand, and the ranked candidates and the notifications appear without further requests;
 * an SME registered later is matched to the open demand on its own (reverse matching).
 */
class EndToEndIT {

    private static LocalStack stack;
    private static StackClient client;
    private static TraceWitness traces;

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of(System.getProperty("rongtong.root", "../.."));
        traces = new TraceWitness();
        stack = traces.tracing(LocalStack.throwaway(root, "rt_e2e")
                // the metrics check's webhook receiver is plain http on loopback
                .withLoopbackWebhooks())
                .start();
        client = new StackClient(stack);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    private static String register(String name, String kind, String region, List<String> capabilities, Map<String, String> willingness) {
        return register(name, kind, region, capabilities, willingness, "HOME_APPLIANCES");
    }

    private static String register(String name, String kind, String region, List<String> capabilities, Map<String, String> willingness,
            String chain) {
        return client.registerEnterprise(DevTokens.partner(), name, kind, "SPECIALIZED_SME", region, List.of(chain), capabilities,
                willingness);
    }

    @Test
    void aPublishedDemandReachesMatchingAndNotificationsThroughTheBroker() throws Exception {
        String leader = register("青岛家电链主集团", "CHAIN_LEADER", "370212", List.of("整机装配"), Map.of());
        String best = register("青岛精工模具有限公司", "SME", "370211", List.of("精密注塑", "模具开发"), Map.of("PRODUCT_SUPPORTING", "STRONG"));
        String partial = register("烟台塑业有限公司", "SME", "370602", List.of("注塑"), Map.of("PRODUCT_SUPPORTING", "OPEN"));
        String unwilling = register("潍坊精密部件有限公司", "SME", "370705", List.of("精密注塑", "模具开发"), Map.of("TECH_RND", "STRONG"));
        String leaderToken = DevTokens.enterprise(UUID.fromString(leader));

        Map<String, Object> demand = demandBody("HOME_APPLIANCES", "洗衣机内桶精密注塑件配套", "寻求精密注塑与模具开发能力的配套企业",
                List.of("精密注塑", "模具开发"), List.of("37"));
        // demand-service knows the leader only once the registry's event has reached it
        StackClient.Reply published = client.until(() -> client.post(Service.DEMAND, "/api/v1/demands", leaderToken, demand),
                r -> r.status() == 201, Duration.ofSeconds(60));
        String demandId = published.body().get("id").asText();

        JsonNode matches = client.until(() -> client.get(Service.MATCHING, "/api/v1/demands/" + demandId + "/matches", leaderToken),
                r -> r.status() == 200 && r.body().size() >= 2, Duration.ofSeconds(60)).body();
        assertEquals(best, matches.get(0).get("enterpriseId").asText(), matches.toString());
        assertEquals(partial, matches.get(1).get("enterpriseId").asText(), matches.toString());
        assertEquals(2, matches.size(), "the SME without willingness for the field is not proposed: " + matches);
        assertTrue(matches.get(0).get("reasons").toString().contains("精密注塑"), matches.toString());
        assertTrue(!matches.toString().contains(unwilling));

        JsonNode leaderInbox = client.until(() -> client.get(Service.NOTIFICATION, "/api/v1/inbox", leaderToken),
                r -> r.status() == 200 && r.body().get("items").size() >= 1, Duration.ofSeconds(60)).body();
        assertTrue(leaderInbox.get("items").get(0).get("title").asText().contains("洗衣机内桶"), leaderInbox.toString());
        JsonNode candidateInbox = client.until(() -> client.get(Service.NOTIFICATION, "/api/v1/inbox",
                DevTokens.enterprise(UUID.fromString(best))), r -> r.status() == 200 && r.body().get("total").asInt() == 1,
                Duration.ofSeconds(30)).body();
        assertTrue(candidateInbox.get("items").get(0).get("title").asText().contains("第 1 名"), candidateInbox.toString());
        client.until(() -> client.get(Service.NOTIFICATION, "/api/v1/inbox", DevTokens.bureau("37")),
                r -> r.status() == 200 && r.body().get("total").asInt() >= 1, Duration.ofSeconds(30));
        assertEquals(0, client.get(Service.NOTIFICATION, "/api/v1/inbox", DevTokens.bureau("44")).body().get("total").asInt());

        // reverse matching (issue 5): an enterprise registered after the demand was ranked is matched to it, explained
        String later = register("青岛海润注塑科技有限公司", "SME", "370214", List.of("注射成型", "模具设计"), Map.of("PRODUCT_SUPPORTING", "STRONG"));
        JsonNode after = client.until(() -> client.get(Service.MATCHING, "/api/v1/demands/" + demandId + "/matches", leaderToken),
                r -> r.status() == 200 && r.body().toString().contains(later), Duration.ofSeconds(60)).body();
        assertEquals(3, after.size(), after.toString());
        JsonNode laterMatch = null;
        for (int i = 0; i < after.size(); i++) {
            assertEquals(i + 1, after.get(i).get("rank").asInt(), after.toString());
            if (i > 0) {
                assertTrue(after.get(i - 1).get("score").asDouble() >= after.get(i).get("score").asDouble(), "ranked by score: " + after);
            }
            if (later.equals(after.get(i).get("enterpriseId").asText())) {
                laterMatch = after.get(i);
            }
        }
        assertTrue(laterMatch != null && laterMatch.get("reasons").toString().contains("精密注塑"), after.toString());
    
        // the match lifecycle (issue 5): a proposal in demand-service counts as interest in matching-service, through the
        // broker; the publisher then shortlists and confirms, and the candidate lands in its procurement pool
        String partialToken = DevTokens.enterprise(UUID.fromString(partial));
        String partialMatch = matches.get(1).get("id").asText();
        StackClient.Reply proposal = client.post(Service.DEMAND, "/api/v1/demands/" + demandId + "/proposals", partialToken,
                Map.of("title", "内桶注塑配套方案", "description", "具备注塑产线和检测能力", "offering", "首批样件两周内交付"));
        assertEquals(201, proposal.status(), proposal.body().toString());
        client.until(() -> client.get(Service.MATCHING, "/api/v1/matches/" + partialMatch, partialToken),
                r -> r.status() == 200 && "INTERESTED".equals(r.body().get("status").asText()), Duration.ofSeconds(60));
        for (String move : List.of("shortlist", "confirm")) {
            StackClient.Reply moved = client.post(Service.MATCHING, "/api/v1/matches/" + partialMatch + "/" + move, leaderToken, Map.of());
            assertEquals(200, moved.status(), moved.body().toString());
        }
        JsonNode pools = client.get(Service.MATCHING, "/api/v1/enterprises/" + leader + "/reserve-pools", leaderToken).body();
        assertTrue(pools.toString().contains(partialMatch) && pools.toString().contains("COOPERATING"), pools.toString());

        // the moves reach notification-service through the broker: the publisher heard of the interest, the candidate of
        // its confirmation
        client.until(() -> client.get(Service.NOTIFICATION, "/api/v1/inbox?eventType=rongtong.matching.match.interested.v1", leaderToken),
                r -> r.status() == 200 && r.body().get("total").asInt() == 1, Duration.ofSeconds(60));
        JsonNode confirmed = client.until(() -> client.get(Service.NOTIFICATION, "/api/v1/inbox?eventType=rongtong.matching.match.confirmed.v1",
                partialToken), r -> r.status() == 200 && r.body().get("total").asInt() == 1, Duration.ofSeconds(60)).body();
        assertTrue(confirmed.get("items").get(0).get("title").asText().contains("已确认"), confirmed.toString());

        // nothing left dangling (ADR 0015): closing the demand ends the live matches, and the candidates hear of it through
        // the broker; the confirmed match stays confirmed, the proposal behind it is closed
        String bestToken = DevTokens.enterprise(UUID.fromString(best));
        StackClient.Reply closed = client.post(Service.DEMAND, "/api/v1/demands/" + demandId + "/close", leaderToken, Map.of());
        assertEquals(200, closed.status(), closed.body().toString());
        client.until(() -> client.get(Service.MATCHING, "/api/v1/matches/" + matches.get(0).get("id").asText(), bestToken),
                r -> r.status() == 200 && "ENDED".equals(r.body().get("status").asText()), Duration.ofSeconds(60));
        JsonNode ended = client.until(() -> client.get(Service.NOTIFICATION, "/api/v1/inbox?eventType=rongtong.matching.match.ended.v1",
                bestToken), r -> r.status() == 200 && r.body().get("total").asInt() == 1, Duration.ofSeconds(60)).body();
        assertTrue(ended.get("items").get(0).get("title").asText().contains("已关闭"), ended.toString());
        assertEquals("COOPERATING", client.get(Service.MATCHING, "/api/v1/matches/" + partialMatch, partialToken).body().get("status").asText());
        String proposalId = proposal.body().get("id").asText();
        JsonNode closedProposal = client.get(Service.DEMAND, "/api/v1/demands/" + demandId + "/proposals/" + proposalId, partialToken).body();
        assertEquals("CLOSED", closedProposal.get("status").asText(), closedProposal.toString());
        assertEquals("DEMAND_CLOSED", closedProposal.get("closeReason").asText(), closedProposal.toString());

        // deactivating the chain leader in the registry withdraws its published demand in demand-service, which ends the
        // demand's live matches in matching-service, which tells the candidate in notification-service
        StackClient.Reply second = client.post(Service.DEMAND, "/api/v1/demands", leaderToken, demand);
        assertEquals(201, second.status(), second.body().toString());
        String secondId = second.body().get("id").asText();
        client.until(() -> client.get(Service.MATCHING, "/api/v1/demands/" + secondId + "/matches", leaderToken),
                r -> r.status() == 200 && r.body().toString().contains(best), Duration.ofSeconds(60));
        StackClient.Reply current = client.get(Service.REGISTRY, "/api/v1/enterprises/" + leader, leaderToken);
        StackClient.Reply deactivated = client.post(Service.REGISTRY, "/api/v1/enterprises/" + leader + "/deactivate", leaderToken, Map.of(),
                "\"" + current.body().get("version").asText() + "\"");
        assertEquals(200, deactivated.status(), deactivated.body().toString());
        client.until(() -> client.get(Service.DEMAND, "/api/v1/demands/" + secondId, leaderToken),
                r -> r.status() == 200 && "WITHDRAWN".equals(r.body().get("status").asText()), Duration.ofSeconds(60));
        JsonNode withdrawn = client.until(() -> client.get(Service.NOTIFICATION, "/api/v1/inbox?eventType=rongtong.matching.match.ended.v1",
                bestToken), r -> r.status() == 200 && r.body().get("total").asInt() == 2, Duration.ofSeconds(60)).body();
        assertTrue(withdrawn.get("items").get(0).get("title").asText().contains("已撤回"), withdrawn.toString());

        businessMetricsMovedWithTheScenario();
    }

    /**
     * Each service's /q/metrics, on its management port (not beside the API), shows what the scenario did
     * (docs/metrics.md): five registrations, two demands and a proposal, three candidates at least, the answers by status,
     * the ends, the events relayed; notification-service consumed the match events. Then one more demand's candidates
     * reach an operator's webhook, and the delivery counts.
     */
    private static void businessMetricsMovedWithTheScenario() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (Service s : Service.values()) {
            HttpResponse<Void> beside = http.send(HttpRequest.newBuilder(URI.create(stack.url(s) + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(404, beside.statusCode(), s + " serves no metrics beside its API");
        }
        // counted once the events left the outbox: wait for the relays rather than for a fixed time
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics(Service.MATCHING).value("rongtong_matches_ended_total") >= 2);
        PrometheusText registry = metrics(Service.REGISTRY);
        assertTrue(registry.value("rongtong_enterprises_registered_total") >= 5, "registered");
        assertTrue(registry.value("rongtong_outbox_published_total") >= 6, "five registrations and a deactivation relayed");
        PrometheusText demand = metrics(Service.DEMAND);
        assertTrue(demand.value("rongtong_demands_published_total") >= 2, "demands published");
        assertTrue(demand.value("rongtong_proposals_submitted_total") >= 1, "proposals");
        PrometheusText matching = metrics(Service.MATCHING);
        assertTrue(matching.value("rongtong_candidates_proposed_total") >= 3, "two ranked candidates and a later fit");
        for (String status : List.of("interested", "shortlisted", "confirmed")) {
            assertTrue(matching.value("rongtong_matches_answered_total", "status", status) >= 1, status);
        }
        assertTrue(matching.value("rongtong_matching_index_enterprises") >= 4, "the index holds the active enterprises");
        assertEquals(0.0, matching.value("rongtong_dead_letters_total"), "nothing parked");
        PrometheusText notification = metrics(Service.NOTIFICATION);
        assertTrue(notification.samples().stream().filter(m -> m.name().equals("kafka_consumer_fetch_manager_records_consumed_total")
                && m.labels().getOrDefault("client_id", "").contains("matches")).mapToDouble(PrometheusText.Sample::value).sum() >= 1,
                "the match events were consumed (the Kafka client's own metrics)");
        assertTrue(notification.has("rongtong_webhook_deliveries_succeeded_total"), "delivery counters are exposed");

        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            double delivered = notification.value("rongtong_webhook_deliveries_succeeded_total");
            StackClient.Reply subscribed = client.post(Service.NOTIFICATION, "/api/v1/subscriptions", DevTokens.operator(),
                    Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "description", "end-to-end metrics"));
            assertEquals(201, subscribed.status(), subscribed.body().toString());
            String leader = register("青岛计量链主集团", "CHAIN_LEADER", "370212", List.of("整机装配"), Map.of());
            Map<String, Object> another = demandBody("HOME_APPLIANCES", "空调面板精密注塑配套", "寻求精密注塑配套企业",
                    List.of("精密注塑"), List.of("37"));
            client.until(() -> client.post(Service.DEMAND, "/api/v1/demands", DevTokens.enterprise(UUID.fromString(leader)), another),
                    r -> r.status() == 201, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(60)).until(() -> metrics(Service.NOTIFICATION)
                    .value("rongtong_webhook_deliveries_succeeded_total") >= delivered + 1);
        } finally {
            receiver.stop(0);
        }
    }

    /** A product-supporting demand open for 30 days. */
    private static Map<String, Object> demandBody(String chain, String title, String description, List<String> capabilities,
            List<String> regionCodes) {
        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("field", "PRODUCT_SUPPORTING");
        demand.put("chain", chain);
        demand.put("title", title);
        demand.put("description", description);
        demand.put("requiredCapabilities", capabilities);
        demand.put("regionCodes", regionCodes);
        demand.put("deadline", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        return demand;
    }

    private static PrometheusText metrics(Service service) {
        return PrometheusText.scrape(URI.create(stack.managementUrl(service) + "/q/metrics"));
    }

    /**
     * One trace from the REST call that publishes a demand, through the outbox and the broker to matching-service, and
     * on to notification-service's webhook (ADR traces-across-kafka): the demand is published with a known
     * {@code traceparent}; its trace id is on the demand event's record, on the candidate list's record and on the
     * webhook request, and each of the three services exported spans of it.
     */
    @Test
    void aDemandsTraceRunsFromItsPublicationThroughMatchingToTheWebhook() {
        StackClient.Reply subscription = client.post(Service.NOTIFICATION, "/api/v1/subscriptions", DevTokens.operator(),
                Map.of("url", traces.webhookUrl(), "description", "end-to-end trace"));
        assertEquals(201, subscription.status(), subscription.body().toString());
        // another chain and province than the other scenario's, so that neither test's demand matches the other's enterprises
        String leader = register("厦门海洋装备链主集团", "CHAIN_LEADER", "350203", List.of("船舶总装"), Map.of(), "MARINE_ECONOMY");
        register("厦门海工防腐涂装有限公司", "SME", "350206", List.of("海洋防腐", "船舶涂装"), Map.of("PRODUCT_SUPPORTING", "STRONG"), "MARINE_ECONOMY");
        String leaderToken = DevTokens.enterprise(UUID.fromString(leader));

        String traceId = UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> demand = demandBody("MARINE_ECONOMY", "海上平台钢结构防腐涂装配套", "寻求海洋防腐与船舶涂装能力的配套企业",
                List.of("海洋防腐"), List.of("35"));
        StackClient.Reply published = client.until(() -> client.post(Service.DEMAND, "/api/v1/demands", leaderToken, demand,
                Map.of("traceparent", "00-" + traceId + "-a1b2c3d4e5f60718-01")), r -> r.status() == 201, Duration.ofSeconds(60));
        String demandId = published.body().get("id").asText();

        try (TopicProbe demands = new TopicProbe(stack.bootstrapServers(), "demand.demands.v1");
                TopicProbe matches = new TopicProbe(stack.bootstrapServers(), "matching.matches.v1")) {
            ConsumerRecord<String, String> demandEvent = demands.awaitKey(demandId, "rongtong.demand.demand.published.v1", Duration.ofSeconds(60));
            assertEquals(traceId, traceIdOf(TopicProbe.header(demandEvent, "traceparent")), "the demand event continues the REST call's trace");
            ConsumerRecord<String, String> matched = matches.awaitKey(demandId, "rongtong.matching.demand.matched.v1", Duration.ofSeconds(60));
            assertEquals(traceId, traceIdOf(TopicProbe.header(matched, "traceparent")), "matching's candidate list continues it");
        }
        TraceWitness.Delivery webhook = eventually(() -> traces.deliveries().stream()
                .filter(d -> d.body().contains(demandId) && d.body().contains("rongtong.matching.demand.matched.v1")).findFirst(), Duration.ofSeconds(60));
        assertEquals(traceId, traceIdOf(webhook.traceparent()), "the webhook request carries it: " + webhook.traceparent());

        eventually(() -> java.util.Optional.of(traces.servicesIn(traceId)).filter(s -> s.size() >= 3), Duration.ofSeconds(30));
        assertEquals(Set.of("demand-service", "matching-service", "notification-service"), traces.servicesIn(traceId),
                "spans exported under the trace id");
    }

    private static <T> T eventually(java.util.function.Supplier<java.util.Optional<T>> probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            java.util.Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return probe.get().orElseThrow(() -> new AssertionError("nothing within " + timeout));
    }

    private static String traceIdOf(String traceparent) {
        return traceparent == null ? null : traceparent.split("-")[1];
    }
}

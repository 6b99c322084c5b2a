package org.rongtong.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rongtong.local.faults.DeliveryAudit;
import org.rongtong.local.faults.WebhookReceiver;
import org.rongtong.local.faults.Workload;
import org.rongtong.testing.DevTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scale-out (issue 13, docs/adr/0023-replicas-that-agree.md): two replicas each of matching-service and
 * notification-service on their own ports, the same databases, topics of 6 partitions, under a stream of
 * registrations, demands and match moves, with the second replica of each killed (SIGKILL) mid-stream and the matching
 * one started again. Then: every demand ranked exactly once; both matching replicas answer the same ranked list for
 * every demand and hold the same index; every match event reached each of two webhook subscriptions once after
 * de-duplication by id; nothing lost or parked (the fault suite's Workload and DeliveryAudit).
 */
class ScaleOutIT {

    private static final int SMES_PER_ROUND = 4;
    private static final int DEMANDS_PER_ROUND = 3;

    private static LocalStack stack;
    private static StackClient client;
    private static final List<WebhookReceiver> receivers = new ArrayList<>();

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of(System.getProperty("rongtong.root", "../.."));
        log("starting the broker, registry, demand and two replicas each of matching and notification");
        stack = LocalStack.throwaway(root, "rt_scale")
                .withPartitions(6)
                .withReplicas(Service.MATCHING, 2)
                .withReplicas(Service.NOTIFICATION, 2)
                .withLoopbackWebhooks()
                .withProperty(Service.NOTIFICATION, "rongtong.webhooks.timeout", "3s")
                .withFastFailover()
                .start();
        client = new StackClient(stack);
        receivers.add(new WebhookReceiver());
        receivers.add(new WebhookReceiver());
    }

    @AfterAll
    static void stopStack() {
        receivers.forEach(WebhookReceiver::close);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void twoReplicasOfMatchingAndNotificationAgreeAndLoseNothingWhenOneIsKilled() throws Exception {
        for (WebhookReceiver receiver : receivers) {
            StackClient.Reply subscription = client.post(Service.NOTIFICATION, "/api/v1/subscriptions", DevTokens.operator(),
                    Map.of("url", receiver.url(), "description", "scale-out test"));
            assertEquals(201, subscription.status(), subscription.body().toString());
        }
        String run = UUID.randomUUID().toString().substring(0, 6);
        try (Workload workload = new Workload(client, run, Duration.ofMinutes(3))) {
            workload.registerLeaders();
            workload.inBackground(workload.round(SMES_PER_ROUND, DEMANDS_PER_ROUND)).get(3, TimeUnit.MINUTES);
            answerFirstMatches(workload);

            log("SIGKILL the second replicas of matching and notification while a round is under way");
            CompletableFuture<Void> round = workload.inBackground(workload.round(SMES_PER_ROUND, DEMANDS_PER_ROUND));
            Thread.sleep(1_500);
            stack.kill(Service.MATCHING, 1);
            stack.kill(Service.NOTIFICATION, 1);
            round.get(3, TimeUnit.MINUTES);
            workload.inBackground(workload.round(SMES_PER_ROUND, DEMANDS_PER_ROUND)).get(3, TimeUnit.MINUTES);
            answerFirstMatches(workload);

            log("starting the killed matching replica again: it rebuilds, catches up and is ready");
            stack.restart(Service.MATCHING, 1, Duration.ofSeconds(180));
            workload.inBackground(workload.round(SMES_PER_ROUND, DEMANDS_PER_ROUND)).get(3, TimeUnit.MINUTES);

            List<String> problems = settle(workload);
            assertTrue(problems.isEmpty(), () -> "Problems:\n  " + String.join("\n  ", problems));

            try (Connection db = stack.connect(Service.MATCHING); Statement q = db.createStatement();
                    ResultSet twice = q.executeQuery("""
                            SELECT demand_id, count(DISTINCT created_at) FROM match WHERE origin = 'RANKED'
                            GROUP BY demand_id HAVING count(DISTINCT created_at) > 1""")) {
                assertTrue(!twice.next(), "a demand was ranked more than once: " + (twice.getRow() > 0 ? twice.getString(1) : ""));
            }
            for (Workload.Demand d : workload.demands()) {
                JsonNode first = client.get(Service.MATCHING, 0, "/api/v1/demands/" + d.id() + "/matches", DevTokens.operator()).body();
                JsonNode second = client.get(Service.MATCHING, 1, "/api/v1/demands/" + d.id() + "/matches", DevTokens.operator()).body();
                assertEquals(ranking(first), ranking(second), "both replicas answer the same ranking for demand " + d.id());
            }
            JsonNode one = client.until(() -> client.get(Service.MATCHING, 0, "/api/v1/matching/status", DevTokens.partner()),
                    r -> r.status() == 200 && r.body().path("index").path("lag").asLong() == 0, Duration.ofSeconds(60)).body();
            JsonNode two = client.until(() -> client.get(Service.MATCHING, 1, "/api/v1/matching/status", DevTokens.partner()),
                    r -> r.status() == 200 && r.body().path("index").path("lag").asLong() == 0, Duration.ofSeconds(60)).body();
            assertEquals(one.path("indexedEnterprises").asInt(), two.path("indexedEnterprises").asInt(),
                    "both replicas index every enterprise: " + one + " / " + two);
            assertTrue(one.path("indexedEnterprises").asInt() >= workload.demands().size(), one.toString());
            assertTrue(!one.path("replica").asText().equals(two.path("replica").asText()), "two replicas, two names");
        }
    }

    /** A match move for the first candidate of each demand that has one (the candidate is interested). */
    private static void answerFirstMatches(Workload workload) {
        for (Workload.Demand d : workload.demands()) {
            StackClient.Reply matches = client.get(Service.MATCHING, "/api/v1/demands/" + d.id() + "/matches", DevTokens.operator());
            if (matches.status() == 200 && matches.body().size() > 0 && "PROPOSED".equals(matches.body().get(0).path("status").asText())) {
                String id = matches.body().get(0).path("id").asText();
                client.post(Service.MATCHING, "/api/v1/matches/" + id + "/interest", DevTokens.operator(), Map.of("note", "scale-out"));
            }
        }
    }

    private static List<String> ranking(JsonNode matches) {
        List<String> out = new ArrayList<>();
        matches.forEach(m -> out.add(m.path("rank").asInt() + ":" + m.path("enterpriseId").asText() + ":" + m.path("score").asText()
                + ":" + m.path("status").asText()));
        return out;
    }

    /** Every check for each subscription's receiver, repeated until it passes or two minutes went by. */
    private static List<String> settle(Workload workload) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<String> problems;
        while (true) {
            problems = new ArrayList<>();
            for (int i = 0; i < receivers.size(); i++) {
                DeliveryAudit audit = new DeliveryAudit(client, stack.bootstrapServers(), workload, receivers.get(i));
                for (String p : audit.problems()) {
                    problems.add("subscription " + (i + 1) + ": " + p);
                }
                if (problems.isEmpty() || System.nanoTime() > deadline) {
                    audit.summary().forEach(line -> log("  " + line));
                }
            }
            if (problems.isEmpty() || System.nanoTime() > deadline) {
                return problems;
            }
            Thread.sleep(3_000);
        }
    }

    private static void log(String line) {
        System.out.println("[scale-out " + LocalTime.now().withNano(0) + "] " + line);
    }
}

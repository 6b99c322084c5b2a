package org.rongtong.local.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rongtong.local.LocalStack;
import org.rongtong.local.Service;
import org.rongtong.local.StackClient;
import org.rongtong.testing.DevTokens;

/**
 * The fault-injection suite (ADR 0016): the four packaged services, the in-process broker and a PostgreSQL cluster of
 * the suite's own, with enterprises registering and demands being published through the REST APIs and match events
 * going out to a webhook receiver, while the suite kills services with SIGKILL, restarts the broker and restarts
 * PostgreSQL. Afterwards every enterprise, demand, match and webhook event must have arrived exactly once (after
 * de-duplication by id) and no dead-letter topic may hold anything. Runs with {@code -Pfaults}.
 */
class FaultInjectionIT {

    /**
     * The faults to inject, of {@code kill}, {@code broker}, {@code postgres} (all by default). The workload is the same
     * either way: naming fewer shows which fault loses what, and none at all is the control run.
     */
    private static final Set<String> FAULTS = Set.of(System.getProperty("rongtong.faults.inject", "kill,broker,postgres").split("\\s*,\\s*"));
    /** Services killed together in the first fault (names of {@link Service}). */
    private static final Set<Service> KILLED = services(System.getProperty("rongtong.faults.kill", "REGISTRY,DEMAND,MATCHING,NOTIFICATION"));
    /** Enterprises imported in one burst just before PostgreSQL goes down, so that consumers are busy with them when it does. */
    private static final int BURST = Integer.getInteger("rongtong.faults.burst", 300);
    /** SMEs registered per group and demands published per leader in each round (one round before the faults, one during each). */
    private static final int SMES_PER_ROUND = Integer.getInteger("rongtong.faults.smes-per-round", 2);
    private static final int DEMANDS_PER_ROUND = Integer.getInteger("rongtong.faults.demands-per-round", 1);
    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("rongtong.faults.outage-seconds", 5));
    /** How long the stack may take to catch up after the last fault before what is missing counts as lost. */
    private static final Duration SETTLE = Duration.ofSeconds(Integer.getInteger("rongtong.faults.settle-seconds", 90));

    private static PrivatePostgres postgres;
    private static LocalStack stack;
    private static StackClient client;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startStack() throws Exception {
        Optional<Path> bin = PrivatePostgres.binaries();
        Assumptions.assumeTrue(bin.isPresent(), "Fault-injection suite skipped: no PostgreSQL binaries (initdb, pg_ctl) under "
                + "/usr/lib/postgresql/<version>/bin. It restarts a PostgreSQL cluster of its own and needs them: apt-get install postgresql");
        Path root = Path.of(System.getProperty("rongtong.root", "../.."));
        log("starting a private PostgreSQL cluster (" + bin.get() + ")");
        postgres = PrivatePostgres.create(bin.get(), PrivatePostgres.dataDirectory(Path.of("target/faults-pg/data").toAbsolutePath()));
        log("starting the broker and the four services, PostgreSQL on port " + postgres.port());
        stack = LocalStack.onFreePorts(root, "rt_faults", false).using(postgres.server())
                .withLoopbackWebhooks()
                .withProperty(Service.NOTIFICATION, "rongtong.webhooks.timeout", "3s")
                .withFastFailover()
                .start();
        client = new StackClient(stack);
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopStack() {
        if (receiver != null) {
            receiver.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyEventArrivesExactlyOnceThroughKillsAndRestarts() throws Exception {
        StackClient.Reply subscription = client.post(Service.NOTIFICATION, "/api/v1/subscriptions", DevTokens.operator(),
                Map.of("url", receiver.url(), "description", "fault-injection suite"));
        assertEquals(201, subscription.status(), subscription.body().toString());
        String run = UUID.randomUUID().toString().substring(0, 6);

        try (Workload workload = new Workload(client, run, Duration.ofMinutes(4))) {
            log("before the faults: three chain leaders and a first round");
            workload.registerLeaders();
            workload.inBackground(workload.round(SMES_PER_ROUND, DEMANDS_PER_ROUND)).get(4, TimeUnit.MINUTES);

            log("fault 1" + skipped("kill") + ": SIGKILL " + KILLED + " while a round is being relayed and consumed");
            Map<String, Long> before = endOffsets();
            CompletableFuture<Void> round = workload.inBackground(workload.round(SMES_PER_ROUND, DEMANDS_PER_ROUND));
            awaitGrowth(before, 1);
            if (FAULTS.contains("kill")) {
                for (Service s : KILLED) {
                    stack.kill(s);
                }
                stack.restart(KILLED, Duration.ofSeconds(180));
                log("restarted " + KILLED);
            }
            round.get(4, TimeUnit.MINUTES);

            log("fault 2" + skipped("broker") + ": the broker stops for " + OUTAGE.toSeconds() + " s while a round is under way");
            before = endOffsets();
            round = workload.inBackground(workload.round(SMES_PER_ROUND, DEMANDS_PER_ROUND));
            awaitGrowth(before, 1);
            if (FAULTS.contains("broker")) {
                stack.stopBroker();
                Thread.sleep(OUTAGE.toMillis());
                stack.startBroker();
                log("broker back");
            }
            round.get(4, TimeUnit.MINUTES);

            log("fault 3" + skipped("postgres") + ": PostgreSQL stops for " + OUTAGE.toSeconds() + " s while " + BURST
                    + " imported enterprises are being consumed");
            before = endOffsets();
            workload.importBurst(BURST);
            round = workload.inBackground(workload.round(SMES_PER_ROUND, DEMANDS_PER_ROUND));
            awaitGrowth(before, BURST);
            if (FAULTS.contains("postgres")) {
                postgres.stop();
                Thread.sleep(OUTAGE.toMillis());
                postgres.start();
                log("PostgreSQL back");
            }
            round.get(4, TimeUnit.MINUTES);

            log("checking what arrived (waiting up to " + SETTLE.toSeconds() + " s for the stack to catch up)");
            DeliveryAudit audit = new DeliveryAudit(client, stack.bootstrapServers(), workload, receiver);
            List<String> problems = settle(audit);
            audit.summary().forEach(line -> log("  " + line));
            assertTrue(problems.isEmpty(), () -> report(problems));
        }
    }

    /**
     * Audits until nothing is wrong, or until {@link #SETTLE} has passed; parked records never come back, so once some
     * are parked and nothing else has changed for 30 s, waiting longer only delays the verdict.
     */
    private static List<String> settle(DeliveryAudit audit) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        List<String> previous = null;
        long unchangedSince = System.nanoTime();
        while (true) {
            List<String> problems = audit.problems();
            if (problems.isEmpty()) {
                return problems;
            }
            if (!problems.equals(previous)) {
                previous = problems;
                unchangedSince = System.nanoTime();
            }
            boolean parked = problems.stream().anyMatch(p -> p.startsWith("parked"));
            if (System.nanoTime() > deadline || parked && System.nanoTime() - unchangedSince > Duration.ofSeconds(30).toNanos()) {
                return problems;
            }
            Thread.sleep(3000);
        }
    }

    private static String report(List<String> problems) {
        List<String> shown = new ArrayList<>(problems.subList(0, Math.min(problems.size(), 80)));
        if (problems.size() > shown.size()) {
            shown.add("… and " + (problems.size() - shown.size()) + " more");
        }
        long parked = problems.stream().filter(p -> p.startsWith("parked")).count();
        long lost = problems.stream().filter(p -> p.startsWith("lost")).count();
        return problems.size() + " problem(s) after the faults " + FAULTS + " (" + lost + " lost, " + parked
                + " parked in dead-letter topics; service logs in .local-stack/logs/):\n  - " + String.join("\n  - ", shown) + "\n";
    }

    /** The end offsets of the enterprise and demand topics, summed per topic. */
    private static Map<String, Long> endOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            return endOffsets(admin);
        }
    }

    private static Map<String, Long> endOffsets(Admin admin) throws Exception {
        Map<String, Long> sums = new java.util.HashMap<>();
        for (String topic : List.of(DeliveryAudit.ENTERPRISES, DeliveryAudit.DEMANDS)) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            sums.put(topic, admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(i -> i.offset()).sum());
        }
        return sums;
    }

    /** Waits until at least {@code records} new records are on the enterprise topic: the relays are publishing, consumers consuming. */
    private static void awaitGrowth(Map<String, Long> before, int records) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            while (endOffsets(admin).get(DeliveryAudit.ENTERPRISES) < before.get(DeliveryAudit.ENTERPRISES) + records) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("No " + records + " new record(s) on " + DeliveryAudit.ENTERPRISES + " within 2 minutes: the workload is stuck");
                }
                Thread.sleep(20);
            }
        }
    }

    private static String skipped(String fault) {
        return FAULTS.contains(fault) ? "" : " (not injected: rongtong.faults.inject=" + String.join(",", FAULTS) + ")";
    }

    private static Set<Service> services(String names) {
        Set<Service> chosen = EnumSet.noneOf(Service.class);
        Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty()).map(Service::valueOf).forEach(chosen::add);
        return chosen;
    }

    private static void log(String message) {
        System.out.println("[faults " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}

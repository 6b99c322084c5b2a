package org.rongtong.local.bench;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.rongtong.local.LocalStack;
import org.rongtong.local.Service;
import org.rongtong.local.StackClient;
import org.rongtong.testing.DevTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * End-to-end latency (issue 13): N enterprises (default 100,000) bulk-imported, then demands published through
 * demand-service's REST API at a steady rate (default 20/s for 60 s), with one webhook subscription per bureau of the
 * regions involved (the province and each prefecture) pointing at a receiver in this JVM. Prints p50/p99/max from the
 * start of each publishing request to the first receipt of its demand.matched webhook, per bureau subscription.
 * {@code --replicas 2} runs two replicas each of matching-service and notification-service. Before the measured minute,
 * a warm-up at half the rate ({@code -Drongtong.bench.warmup-seconds}, default 120; 0 measures cold JVMs), not counted.
 * Run it with bench/end-to-end.sh.
 */
public final class EndToEndLatencyBenchmark {

    private static final String MATCHED = "rongtong.matching.demand.matched.v1";
    private static final String[] LEADER_REGIONS = {"370102", "370211", "370212", "370602", "370705"};
    private static final String[] CAPABILITIES = {"精密注塑", "模具开发", "变频控制板", "嵌入式软件", "电机驱动", "钣金冲压", "工业视觉检测", "热管理"};

    public static void main(String[] args) {
        BenchMain.run(args, EndToEndLatencyBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<String> a = List.of(args);
        int enterprises = a.isEmpty() || a.get(0).startsWith("--") ? 100_000 : Integer.parseInt(a.get(0));
        int replicas = a.contains("--replicas") ? Integer.parseInt(a.get(a.indexOf("--replicas") + 1)) : 1;
        int rate = Integer.getInteger("rongtong.bench.rate", 20);
        int seconds = Integer.getInteger("rongtong.bench.seconds", 60);
        Path root = Path.of(System.getProperty("rongtong.root", "."));
        Path csv = RegistryImportBenchmark.generate(enterprises);
        // the province and every prefecture the generated enterprises and the leaders are in
        List<String> bureaus = new ArrayList<>(List.of("37"));
        for (String line : Files.readAllLines(csv).subList(1, Math.min(enterprises + 1, 5_000))) {
            String prefecture = line.split(",")[4].substring(0, 4);
            if (!bureaus.contains(prefecture)) {
                bureaus.add(prefecture);
            }
        }
        for (String r : LEADER_REGIONS) {
            if (!bureaus.contains(r.substring(0, 4))) {
                bureaus.add(r.substring(0, 4));
            }
        }
        Receiver receiver = new Receiver();
        System.out.printf("%,d enterprises, demands at %d/s for %d s, %d replica(s) of matching and notification, %d bureau subscriptions%n",
                enterprises, rate, seconds, replicas, bureaus.size());
        try (receiver; LocalStack stack = LocalStack.throwaway(root, "rt_e2e_bench").withPartitions(6).withReplicas(Service.MATCHING, replicas)
                .withReplicas(Service.NOTIFICATION, replicas)
                .withLoopbackWebhooks().start()) {
            StackClient client = new StackClient(stack);
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
            ObjectMapper json = new ObjectMapper();

            long t0 = System.nanoTime();
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(stack.url(Service.REGISTRY) + "/api/v1/enterprises/imports"))
                    .header("Authorization", "Bearer " + DevTokens.partner()).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() / 100 != 2) {
                throw new IllegalStateException("Import refused: " + accepted.statusCode() + " " + accepted.body());
            }
            String job = URI.create(stack.url(Service.REGISTRY)).resolve(accepted.headers().firstValue("Location").orElseThrow()) + "?registered=false";
            while (true) {
                JsonNode state = json.readTree(http.send(HttpRequest.newBuilder(URI.create(job)).header("Authorization", "Bearer " + DevTokens.partner())
                        .build(), HttpResponse.BodyHandlers.ofString()).body());
                if (!"RUNNING".equals(state.path("status").asText())) {
                    System.out.printf("import: %s, %,d registered in %.1f s%n", state.path("status").asText(), state.path("done").asInt(), secondsSince(t0));
                    break;
                }
                Thread.sleep(500);
            }
            List<UUID> leaders = new ArrayList<>();
            for (String region : LEADER_REGIONS) {
                leaders.add(UUID.fromString(client.registerEnterprise(DevTokens.partner(), "基准链主集团" + region, "CHAIN_LEADER", null,
                        region, List.of("HOME_APPLIANCES"), List.of("整机装配"), Map.of())));
            }
            for (String bureau : bureaus) {
                StackClient.Reply r = client.post(Service.NOTIFICATION, "/api/v1/subscriptions", DevTokens.bureau(bureau),
                        Map.of("url", receiver.url(bureau), "description", "end-to-end benchmark, bureau " + bureau));
                if (r.status() != 201) {
                    throw new IllegalStateException("Subscription for bureau " + bureau + ": " + r.status() + " " + r.body());
                }
            }
            // matching has absorbed the import (every replica's index too), demand-service knows the leaders
            for (int i = 0; i < replicas; i++) {
                int replica = i;
                client.until(() -> client.get(Service.MATCHING, replica, "/api/v1/matching/status", DevTokens.operator()),
                        r -> r.status() == 200 && r.body().path("topics").get(0).path("lag").asLong() == 0
                                && r.body().path("index").path("lag").asLong() == 0, Duration.ofMinutes(20));
            }
            System.out.printf("matching caught up with the import %.1f s after it began%n", secondsSince(t0));
            for (UUID leader : leaders) {
                client.until(() -> client.post(Service.DEMAND, "/api/v1/demands", DevTokens.enterprise(leader), demand(0, "warm-up")),
                        r -> r.status() == 201, Duration.ofMinutes(2));
            }
            warmUp(client, receiver, leaders);
            Thread.sleep(3_000);
            receiver.clear();

            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            // enough senders that a slow answer does not hold the next request back: the rate is what is offered
            ExecutorService senders = Executors.newFixedThreadPool(64);
            int total = rate * seconds;
            Map<String, Double> cpuBefore = LatencyBreakdown.cpu(stack);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int n = i;
                UUID leader = leaders.get(n % leaders.size());
                senders.execute(() -> {
                    long begun = System.nanoTime();
                    StackClient.Reply r = client.post(Service.DEMAND, "/api/v1/demands", DevTokens.enterprise(leader), demand(n, "bench"));
                    if (r.status() == 201) {
                        sentAt.put(r.body().get("id").asText(), begun);
                    } else {
                        failures.add(r.status() + " " + r.body());
                    }
                });
            }
            senders.shutdown();
            senders.awaitTermination(2, TimeUnit.MINUTES);
            System.out.printf("published %,d demands in %.1f s (%d refused)%n", sentAt.size(), secondsSince(start), failures.size());
            long settle = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (System.nanoTime() < settle && receiver.demandsSeen(sentAt.keySet()) < sentAt.size()) {
                Thread.sleep(1_000);
            }
            LatencyBreakdown.printCpu(stack, cpuBefore, secondsSince(start));
            List<Double> all = new ArrayList<>();
            List<Double> first = new ArrayList<>();
            receiver.firstReceipt.forEach((key, at) -> {
                String demand = key.substring(key.indexOf('|') + 1);
                Long sent = sentAt.get(demand);
                if (sent != null) {
                    all.add((at - sent) / 1e6);
                }
            });
            for (String demand : sentAt.keySet()) {
                receiver.firstFor(demand).ifPresent(at -> first.add((at - sentAt.get(demand)) / 1e6));
            }
            System.out.println();
            System.out.printf("replicas of matching / notification   %d / %d%n", replicas, replicas);
            System.out.printf("demands ranked and delivered          %,d of %,d (to at least one bureau)%n", first.size(), sentAt.size());
            System.out.printf("bureau deliveries (subscription x demand) %,d%n", all.size());
            System.out.printf("publish -> first webhook of the demand  p50 %s  p99 %s  max %s%n", pct(first, 50), pct(first, 99), pct(first, 100));
            System.out.printf("publish -> webhook, every bureau        p50 %s  p99 %s  max %s%n", pct(all, 50), pct(all, 99), pct(all, 100));
            System.out.printf("target p99 <= 1 s: %s%n", percentile(all, 99) <= 1000 && first.size() == sentAt.size() ? "MET" : "MISSED");
            // nanoTime to this machine's wall clock, which the databases' times are on
            long wallMinusNanoMillis = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
            Map<String, Long> sentWall = new HashMap<>();
            Map<String, Long> receivedWall = new HashMap<>();
            for (String demand : sentAt.keySet()) {
                sentWall.put(demand, sentAt.get(demand) / 1_000_000 + wallMinusNanoMillis);
                receiver.firstFor(demand).ifPresent(at -> receivedWall.put(demand, at / 1_000_000 + wallMinusNanoMillis));
            }
            LatencyBreakdown.print(stack, sentWall, receivedWall);
        }
    }

    /**
     * Demands at half the rate for {@code rongtong.bench.warmup-seconds} (default 120; 0: none), each awaited until its
     * webhooks arrived, before the measured minute: the services' ranking, fan-out and delivery code is then compiled, as
     * in a service that has been running, instead of being compiled by the JIT during the measured minute
     * (docs/adr/0034-matching-memory-and-batched-ranking.md). Not counted in the figures. Two minutes, not the 30 s of
     * ADR 0034: after 30 s the C2 compiler still took 40-50 % of each service's CPU through the measured minute
     * (docs/adr/0036-end-to-end-at-steady-state.md).
     */
    private static void warmUp(StackClient client, Receiver receiver, List<UUID> leaders) throws InterruptedException {
        int seconds = Integer.getInteger("rongtong.bench.warmup-seconds", 120);
        int rate = Math.max(1, Integer.getInteger("rongtong.bench.rate", 20) / 2);
        if (seconds <= 0) {
            return;
        }
        long start = System.nanoTime();
        Set<String> published = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        for (int i = 0; i < rate * seconds; i++) {
            long wait = start + i * 1_000_000_000L / rate - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = i;
            UUID leader = leaders.get(n % leaders.size());
            senders.execute(() -> {
                StackClient.Reply r = client.post(Service.DEMAND, "/api/v1/demands", DevTokens.enterprise(leader), demand(n, "warm-up"));
                if (r.status() == 201) {
                    published.add(r.body().get("id").asText());
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        long settle = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < settle && receiver.demandsSeen(published) < published.size()) {
            Thread.sleep(1_000);
        }
        System.out.printf("warm-up: %,d demands at %d/s, delivered %.1f s after the first (not counted)%n", published.size(), rate,
                secondsSince(start));
    }

    private static Map<String, Object> demand(int n, String run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("field", "PRODUCT_SUPPORTING");
        body.put("chain", "HOME_APPLIANCES");
        body.put("title", "基准需求 " + run + " " + n + " " + CAPABILITIES[n % CAPABILITIES.length] + "配套");
        body.put("description", "寻求" + CAPABILITIES[n % CAPABILITIES.length] + "与" + CAPABILITIES[(n + 3) % CAPABILITIES.length] + "能力的配套企业");
        body.put("requiredCapabilities", List.of(CAPABILITIES[n % CAPABILITIES.length], CAPABILITIES[(n + 3) % CAPABILITIES.length]));
        body.put("regionCodes", List.of("37"));
        body.put("deadline", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        return body;
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static String pct(List<Double> values, int p) {
        double v = percentile(values, p);
        return Double.isNaN(v) ? "-" : v >= 1000 ? String.format("%.2f s", v / 1000) : String.format("%.0f ms", v);
    }

    /** The bureaus' webhook endpoint: the first receipt of each demand's demand.matched per bureau, by nanoTime. */
    private static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(8);
        private final ObjectMapper json = new ObjectMapper();
        final Map<String, Long> firstReceipt = new ConcurrentHashMap<>();

        Receiver() throws java.io.IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 500);
            server.setExecutor(executor);
            server.createContext("/", exchange -> {
                long at = System.nanoTime();
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                try {
                    JsonNode event = json.readTree(body);
                    if (MATCHED.equals(event.path("type").asText())) {
                        String bureau = exchange.getRequestURI().getPath().substring("/hooks/".length());
                        firstReceipt.putIfAbsent(bureau + "|" + event.path("subject").asText(), at);
                    }
                } catch (Exception ignored) {
                    // not JSON: not ours to measure
                }
            });
            server.start();
        }

        String url(String bureau) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + bureau;
        }

        void clear() {
            firstReceipt.clear();
        }

        java.util.Optional<Long> firstFor(String demand) {
            return firstReceipt.entrySet().stream().filter(e -> e.getKey().endsWith("|" + demand)).map(Map.Entry::getValue).min(Long::compare);
        }

        long demandsSeen(java.util.Set<String> demands) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            firstReceipt.keySet().forEach(k -> seen.add(k.substring(k.indexOf('|') + 1)));
            seen.retainAll(demands);
            return seen.size();
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}

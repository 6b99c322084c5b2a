package org.rongtong.local.bench;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rongtong.local.LocalStack;
import org.rongtong.local.Service;
import org.rongtong.testing.DevTokens;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Publishes N match events (default 20,000) at a steady rate (default 1,000/s) to a packaged notification-service with
 * its own database and an in-process broker, with one webhook subscription pointing at a local receiver, and prints
 * deliveries per second and the latency from publishing the event to the receiver having it (p50, p99, max). Every
 * signature is verified. An optional third argument is the number of warm-up events (the script passes 60,000 unless
 * told otherwise). Run it with bench/notification-delivery.sh.
 */
public final class NotificationDeliveryBenchmark {

    public static void main(String[] args) {
        BenchMain.run(args, NotificationDeliveryBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        // events sent (and awaited) before the measured run, at the same rate: 200 only opens connections and loads
        // classes; a few thousand also let the JIT compile the hot paths, as in a service that has been up for a while
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path root = Path.of(System.getProperty("rongtong.root", "."));
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger badSignatures = new AtomicInteger();
        String[] secret = {null};

        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
        // requests are handled on the server's own thread: the handler only verifies, records and answers, and a hand-off
        // to a pool per request cost the shared two cores more than the handling itself
        receiver.setExecutor(null);
        receiver.createContext("/", exchange -> {
            long now = System.nanoTime();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String ts = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            if (secret[0] == null || !exchange.getRequestHeaders().getFirst("webhook-signature").contains(sign(secret[0], id + "." + ts + "." + body))) {
                badSignatures.incrementAndGet();
            }
            if (receivedAt.putIfAbsent(id, now) != null) {
                duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

        try (LocalStack stack = LocalStack.throwaway(root, "rt_bench").only(EnumSet.of(Service.NOTIFICATION)).start();
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                        "acks", "all", "linger.ms", "5"), new StringSerializer(), new StringSerializer())) {
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(stack.url(Service.NOTIFICATION) + "/api/v1/subscriptions"))
                    .header("Authorization", "Bearer " + DevTokens.operator()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + hook + "\",\"description\":\"benchmark\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Subscription refused: " + created.statusCode() + " " + created.body()
                        + " (the script sets RONGTONG_WEBHOOKS_STRICT_TARGETS=false so a local http receiver is allowed)");
            }
            secret[0] = json.readTree(created.body()).get("secret").asText();
            Thread vacuum = startVacuuming(stack);
            warmUp(producer, warmUp, rate, sentAt, receivedAt);

            System.out.printf("Publishing %,d match events at %,d/s to %s%n", events, rate, stack.bootstrapServers());
            CpuTimes cpuBefore = CpuTimes.read(stack.process(Service.NOTIFICATION));
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait); // not a spin: the machine has two cores
                }
                send(producer, "bench-" + i, sentAt);
            }
            producer.flush();
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (countDelivered(sentAt, receivedAt, "bench-") < events && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            CpuTimes cpu = CpuTimes.read(stack.process(Service.NOTIFICATION)).minus(cpuBefore);
            if (vacuum != null) {
                vacuum.interrupt(); // the database goes when the stack closes
            }
            long[] latencies = sentAt.entrySet().stream().filter(e -> e.getKey().startsWith("bench-") && receivedAt.containsKey(e.getKey()))
                    .mapToLong(e -> receivedAt.get(e.getKey()) - e.getValue()).sorted().toArray();
            long last = sentAt.keySet().stream().filter(k -> k.startsWith("bench-")).mapToLong(k -> receivedAt.getOrDefault(k, 0L)).max().orElse(start);
            double seconds = (last - start) / 1e9;
            System.out.println();
            System.out.printf("deliveries received      %,d of %,d (duplicates %d, bad signatures %d)%n", latencies.length, events,
                    duplicates.get(), badSignatures.get());
            System.out.printf("first publish to last receipt  %.2f s -> %,.0f deliveries/s%n", seconds, latencies.length / seconds);
            System.out.printf("event-to-receipt latency p50 %d ms, p99 %d ms, max %d ms%n", pct(latencies, 0.50), pct(latencies, 0.99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1_000_000);
            System.out.printf("CPU per event (measured run): service %.2f ms, PostgreSQL %.2f ms, benchmark JVM (broker, producer, receiver) %.2f ms%n",
                    cpu.service() / events, cpu.postgres() / events, cpu.benchmark() / events);
            System.out.printf("target: %,d deliveries/s and p99 <= 500 ms: %s%n", rate,
                    latencies.length == events && latencies.length / seconds >= rate * 0.98 && pct(latencies, 0.99) <= 500 ? "MET" : "MISSED");
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * Stands in for autovacuum where the server has it switched off (as on the CI machine): a queue table that is never
     * vacuumed makes every claim read the index entries of every delivery made so far (ADR 0010). Every
     * RONGTONG_BENCH_VACUUM_SECONDS (default 20; 0: never) the service's database is vacuumed and analysed, on the
     * PostgreSQL CPU the run reports.
     */
    private static Thread startVacuuming(LocalStack stack) throws Exception {
        boolean autovacuum;
        try (java.sql.Connection c = stack.connect(Service.NOTIFICATION); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SHOW autovacuum")) {
            rs.next();
            autovacuum = "on".equals(rs.getString(1));
        }
        long every = Long.parseLong(System.getenv().getOrDefault("RONGTONG_BENCH_VACUUM_SECONDS", "20"));
        if (autovacuum || every <= 0) {
            System.out.printf("autovacuum is %s on this server; the benchmark does not vacuum%n", autovacuum ? "on" : "off");
            return null;
        }
        System.out.printf("autovacuum is off on this server: the benchmark vacuums the service's database every %d s in its stead%n", every);
        Thread vacuum = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(every * 1000);
                    try (java.sql.Connection c = stack.connect(Service.NOTIFICATION); java.sql.Statement st = c.createStatement()) {
                        st.execute("VACUUM (ANALYZE)");
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (java.sql.SQLException e) {
                    if (!Thread.currentThread().isInterrupted()) {
                        System.out.println("vacuum failed: " + e.getMessage());
                    }
                }
            }
        }, "bench-vacuum");
        vacuum.setDaemon(true);
        vacuum.start();
        return vacuum;
    }

    private static void warmUp(KafkaProducer<String, String> producer, int n, int rate, Map<String, Long> sentAt, Map<String, Long> receivedAt)
            throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            send(producer, "warm-" + i, sentAt);
        }
        producer.flush();
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (countDelivered(sentAt, receivedAt, "warm-") < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static void send(KafkaProducer<String, String> producer, String eventId, Map<String, Long> sentAt) {
        UUID demand = UUID.randomUUID();
        String data = "{\"demandId\":\"" + demand + "\",\"demandVersion\":1,\"publisherId\":\"" + UUID.randomUUID()
                + "\",\"field\":\"PRODUCT_SUPPORTING\",\"chain\":\"HOME_APPLIANCES\",\"title\":\"洗衣机内桶精密注塑件配套\",\"regionCode\":\"3702\","
                + "\"candidates\":[{\"matchId\":\"" + UUID.randomUUID() + "\",\"enterpriseId\":\"" + UUID.randomUUID()
                + "\",\"enterpriseName\":\"青岛精工模具\",\"rank\":1,\"score\":0.9,\"reasons\":[]}],\"matchedAt\":\"" + Instant.now() + "\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>("matching.matches.v1", demand.toString(), data);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", eventId.getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "rongtong.matching.demand.matched.v1".getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "/matching-service".getBytes(StandardCharsets.UTF_8))
                .add("ce_subject", demand.toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8))
                .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        sentAt.put(eventId, System.nanoTime());
        producer.send(record);
    }

    private static long countDelivered(Map<String, Long> sentAt, Map<String, Long> receivedAt, String prefix) {
        return receivedAt.keySet().stream().filter(k -> k.startsWith(prefix)).count();
    }

    /**
     * CPU milliseconds used so far by the service, by PostgreSQL's processes (Linux: {@code /proc}, all of the server's
     * backends, so other clients count too) and by this JVM.
     */
    private record CpuTimes(double service, double postgres, double benchmark) {

        static CpuTimes read(ProcessHandle service) {
            return new CpuTimes(millis(service), postgresMillis(), millis(ProcessHandle.current()));
        }

        CpuTimes minus(CpuTimes before) {
            return new CpuTimes(service - before.service, postgres - before.postgres, benchmark - before.benchmark);
        }

        private static double millis(ProcessHandle process) {
            return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
        }

        private static double postgresMillis() {
            double ticks = 0;
            java.io.File[] procs = new java.io.File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
            if (procs == null) {
                return Double.NaN;
            }
            for (java.io.File proc : procs) {
                try {
                    String stat = java.nio.file.Files.readString(proc.toPath().resolve("stat"));
                    if (!stat.contains("(postgres)")) {
                        continue;
                    }
                    // fields after the command's closing parenthesis: utime and stime are the 12th and 13th
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (java.io.IOException | RuntimeException e) {
                    // a backend that ended meanwhile
                }
            }
            return ticks * 10; // USER_HZ is 100 on Linux
        }
    }

    private static long pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1_000_000;
    }

    private static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return "v1," + java.util.Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

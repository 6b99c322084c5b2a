package org.rongtong.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rongtong.local.LocalStack;
import org.rongtong.local.Service;
import org.rongtong.local.StackClient;
import org.rongtong.testing.DevTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Does matching keep pace with the registry (issue 13, ADR 0022)? Starts registry, demand and matching services (their
 * own databases, an in-process broker), publishes 60 demands through demand-service's API and waits until matching has
 * ranked each, then imports N generated enterprises (default 100,000; the same generator as RegistryImportBenchmark,
 * whose capabilities the demands ask for) through the registry's bulk endpoint. Matching has absorbed an enterprise
 * once its projection row is committed: the same transaction indexes it and reverse-matches it against the open
 * demands. Before it, a warm-up import of other enterprises (20,000; {@code -Drongtong.bench.warmup-rows}, 0 for a cold
 * start), absorbed and not counted: a platform that has run for a while has compiled its hot paths, and a cold JVM spent
 * a core on compiling during the measured import. Prints the import's duration, the time from its end until matching held every enterprise, the rate, and
 * what the lists and the wire got. Run it with bench/matching-keep-pace.sh.
 */
public final class MatchingKeepPaceBenchmark {

    static final int DEMANDS = 60;
    private static final String[] CAPABILITIES = {"精密注塑", "模具开发", "ABS改性", "变频控制板", "嵌入式软件", "电机驱动", "钣金冲压",
            "表面处理", "工业视觉检测", "数字孪生", "再生塑料", "锂电池模组", "热管理", "传感器", "工业软件"};

    public static void main(String[] args) {
        BenchMain.run(args, MatchingKeepPaceBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warmupRows = Integer.getInteger("rongtong.bench.warmup-rows", 20_000);
        Path root = Path.of(System.getProperty("rongtong.root", "."));
        Path csv = RegistryImportBenchmark.generate(rows);
        try (LocalStack stack = LocalStack.throwaway(root, "rt_pace").only(EnumSet.of(Service.REGISTRY, Service.DEMAND, Service.MATCHING)).start()) {
            StackClient client = new StackClient(stack);
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();

            String leader = registerLeader(client);
            String leaderToken = DevTokens.enterprise(UUID.fromString(leader));
            List<String> demands = new ArrayList<>();
            for (int i = 0; i < DEMANDS; i++) {
                demands.add(publishDemand(client, leaderToken, i));
            }
            for (String id : demands) {
                client.until(() -> client.get(Service.MATCHING, "/api/v1/demands/" + id + "/matches", DevTokens.operator()),
                        r -> r.status() == 200, Duration.ofSeconds(120));
            }
            String token = DevTokens.partner();
            if (warmupRows > 0) {
                // a running platform has compiled its hot paths: the first import after a start measures the JIT as much
                int before = candidates(stack);
                System.out.printf("%d demands open and ranked; warming up with %,d other enterprises%n", DEMANDS, warmupRows);
                long warmStart = System.nanoTime();
                awaitImport(http, json, upload(http, stack, token, RegistryImportBenchmark.generate(rows, warmupRows)), token, warmupRows);
                while (candidates(stack) - before < warmupRows) {
                    if (seconds(warmStart) > 900) {
                        throw new IllegalStateException("Gave up warming up after 15 minutes");
                    }
                    Thread.sleep(500);
                }
                System.out.printf("warm-up absorbed after   %.2f s (not counted)%n", seconds(warmStart));
            }
            System.out.printf("%d demands open and ranked; importing %,d enterprises%n", DEMANDS, rows);
            int before = candidates(stack);

            long start = System.nanoTime();
            String location = upload(http, stack, token, csv);
            double importedAfter = -1;
            double caughtUpAfter = -1;
            int held = before;
            List<String> progress = new ArrayList<>();
            double nextReport = 10;
            while (caughtUpAfter < 0) {
                Thread.sleep(200);
                if (importedAfter < 0) {
                    if (importEnded(http, json, location, token, rows)) {
                        importedAfter = seconds(start);
                    }
                }
                held = candidates(stack);
                if (seconds(start) >= nextReport) {
                    progress.add(String.format("%.0f s: %,d", seconds(start), held - before));
                    nextReport += 10;
                }
                if (importedAfter >= 0 && held - before >= rows) {
                    caughtUpAfter = seconds(start);
                }
                if (seconds(start) > 1800) {
                    throw new IllegalStateException("Gave up after 30 minutes: matching holds " + (held - before) + " of " + rows);
                }
            }
            Thread.sleep(2_000); // the last deltas leave with the next window
            System.out.println();
            System.out.printf("demands open             %d%n", DEMANDS);
            System.out.printf("enterprises imported     %,d%n", rows);
            System.out.printf("import finished after    %.2f s -> %,.0f rows/s%n", importedAfter, rows / importedAfter);
            System.out.printf("matching caught up after %.2f s from the upload's start: %.2f s after the import's end (target <= 60 s): %s%n",
                    caughtUpAfter, caughtUpAfter - importedAfter, caughtUpAfter - importedAfter <= 60 ? "MET" : "MISSED");
            System.out.printf("absorbed                 %,.0f enterprises/s (indexed and reverse-matched, over the whole run)%n",
                    rows / caughtUpAfter);
            System.out.printf("progress (held by matching) %s%n", String.join(", ", progress));
            try (Connection c = stack.connect(Service.MATCHING); Statement s = c.createStatement()) {
                System.out.printf("matches                  %s%n", one(s, "SELECT count(*) || ' in all; ' || count(*) FILTER (WHERE origin = 'REVERSE')"
                        + " || ' by reverse matching; longest list ' || (SELECT max(n) FROM (SELECT count(*) n FROM match GROUP BY demand_id) l) FROM match"));
            }
            System.out.printf("events on the wire       %s%n", eventsOnTheWire(stack));
        }
    }

    /** Posts a CSV to the registry's bulk endpoint; the import job's address. */
    private static String upload(HttpClient http, LocalStack stack, String token, Path csv) throws Exception {
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(stack.url(Service.REGISTRY) + "/api/v1/enterprises/imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() / 100 != 2) {
            throw new IllegalStateException("Import refused: " + accepted.statusCode() + " " + accepted.body());
        }
        return URI.create(stack.url(Service.REGISTRY)).resolve(accepted.headers().firstValue("Location").orElseThrow()).toString();
    }

    /** Whether the import job has ended; one that ended without every row done fails the benchmark. */
    private static boolean importEnded(HttpClient http, ObjectMapper json, String location, String token, int rows) throws Exception {
        JsonNode job = json.readTree(http.send(HttpRequest.newBuilder(URI.create(location + "?registered=false"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
        if ("RUNNING".equals(job.path("status").asText())) {
            return false;
        }
        if (job.path("done").asInt() != rows) {
            throw new IllegalStateException("Import ended with " + job);
        }
        return true;
    }

    private static void awaitImport(HttpClient http, ObjectMapper json, String location, String token, int rows) throws Exception {
        while (!importEnded(http, json, location, token, rows)) {
            Thread.sleep(200);
        }
    }

    /** The match events on matching.matches.v1 by type, read from the start until the topic is quiet. */
    private static Map<String, Integer> eventsOnTheWire(LocalStack stack) {
        Map<String, Integer> byType = new java.util.TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                "group.id", "bench-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("matching.matches.v1"));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < 3_000_000_000L) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    quietSince = System.nanoTime();
                    var type = r.headers().lastHeader("ce_type");
                    byType.merge(type == null ? "?" : new String(type.value(), java.nio.charset.StandardCharsets.UTF_8), 1, Integer::sum);
                }
            }
        }
        return byType;
    }

    private static String one(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : "?";
        }
    }

    /** The enterprises matching-service's projection holds (each committed with its index entry and reverse match). */
    private static int candidates(LocalStack stack) throws Exception {
        try (Connection c = stack.connect(Service.MATCHING); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM candidate")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static String registerLeader(StackClient client) {
        return client.registerEnterprise(DevTokens.operator(), "海尔集团（基准）", "CHAIN_LEADER", null, "370212",
                List.of("HOME_APPLIANCES"), List.of("整机装配"), Map.of());
    }

    /** Demand i asks for two of the generator's capabilities, in Shandong or anywhere, for supply or for R&D. */
    private static String publishDemand(StackClient client, String token, int i) {
        String a = CAPABILITIES[i % CAPABILITIES.length];
        String b = CAPABILITIES[(i * 7 + 3) % CAPABILITIES.length];
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("field", i % 3 == 2 ? "TECH_RND" : "PRODUCT_SUPPORTING");
        body.put("chain", "HOME_APPLIANCES");
        body.put("title", a + "与" + b + "配套需求" + (i + 1));
        body.put("description", "寻求" + a + "、" + b + "能力的专精特新企业");
        body.put("requiredCapabilities", a.equals(b) ? List.of(a) : List.of(a, b));
        body.put("regionCodes", i % 2 == 0 ? List.of("37") : List.of());
        body.put("deadline", Instant.now().plus(60, ChronoUnit.DAYS).toString());
        StackClient.Reply reply = client.until(() -> client.post(Service.DEMAND, "/api/v1/demands", token, body),
                r -> r.status() == 201, Duration.ofSeconds(60));
        return reply.body().get("id").asText();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

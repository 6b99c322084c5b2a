package org.rongtong.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rongtong.local.LocalStack;
import org.rongtong.local.Service;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.EmbeddedKafkaBroker;
import org.rongtong.testing.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Imports N generated enterprises (default 100,000) through the registry's bulk endpoint into a packaged
 * registry-service with its own database and an in-process broker, and prints rows per second and the time until
 * the last registered event is on the topic. Run it with bench/registry-import.sh.
 */
public final class RegistryImportBenchmark {

    private static final String[] COUNTIES = {"370102", "370211", "370212", "370602", "370705", "370811", "371002", "371311", "371402"};
    private static final String[] CAPABILITIES = {"精密注塑", "模具开发", "ABS改性", "变频控制板", "嵌入式软件", "电机驱动", "钣金冲压",
            "表面处理", "工业视觉检测", "数字孪生", "再生塑料", "锂电池模组", "热管理", "传感器", "工业软件"};

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path root = Path.of(System.getProperty("rongtong.root", "."));
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, EmbeddedKafkaBroker.freePort());
        }
        byte[] csv = generate(rows);
        System.out.printf("Generated %,d rows (%.1f MB of CSV)%n", rows, csv.length / 1e6);
        try (LocalStack stack = new LocalStack(root, "rt_bench_" + UUID.randomUUID().toString().substring(0, 8), true, ports,
                EmbeddedKafkaBroker.freePort()).only(EnumSet.of(Service.REGISTRY)).start();
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                        "group.id", "bench-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "max.poll.records", "5000"),
                        new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("registry.enterprises.v1"));
            consumer.poll(Duration.ofMillis(500));
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            String token = DevTokens.partner();

            long start = System.nanoTime();
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(stack.url(Service.REGISTRY) + "/api/v1/enterprises/imports"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() / 100 != 2) {
                throw new IllegalStateException("Import refused: " + accepted.statusCode() + " " + accepted.body());
            }
            String location = URI.create(stack.url(Service.REGISTRY)).resolve(accepted.headers().firstValue("Location").orElseThrow()).toString();
            double acceptedAfter = seconds(start);

            Set<String> published = new HashSet<>();
            double importedAfter = -1;
            JsonNode job = null;
            while (published.size() < rows || importedAfter < 0) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    published.add(r.key());
                }
                if (importedAfter < 0) {
                    job = json.readTree(http.send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", "Bearer " + token)
                            .build(), HttpResponse.BodyHandlers.ofString()).body());
                    if (!job.has("status")) {
                        throw new IllegalStateException("Polling the job failed: " + job);
                    }
                    if (!"RUNNING".equals(job.get("status").asText())) {
                        importedAfter = seconds(start);
                        if (job.get("done").asInt() != rows) {
                            throw new IllegalStateException("Import ended with " + job);
                        }
                    }
                }
                if (seconds(start) > 600) {
                    throw new IllegalStateException("Gave up after 10 minutes: " + published.size() + " events, job " + job);
                }
            }
            double lastEventAfter = seconds(start);
            System.out.println();
            System.out.printf("rows imported            %,d (rejected %d)%n", job.get("done").asInt(), job.get("rejected").asInt());
            System.out.printf("upload accepted after    %.2f s (validation of every row included)%n", acceptedAfter);
            System.out.printf("import finished after    %.2f s  -> %,.0f rows/s%n", importedAfter, rows / importedAfter);
            System.out.printf("last event on the topic  %.2f s after the upload began (%,d distinct enterprises)%n", lastEventAfter, published.size());
            System.out.printf("target: all %,d registered and published within 60 s: %s%n", rows, lastEventAfter <= 60 ? "MET" : "MISSED");
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static byte[] generate(int rows) {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("name,creditCode,kind,tier,regionCode,chains,capabilities,description,willingness,employees,yearFounded\n");
        for (int i = 0; i < rows; i++) {
            String region = COUNTIES[random.nextInt(COUNTIES.length)];
            csv.append("山东测试企业").append(i).append("有限公司,").append(TestData.creditCode(region)).append(",SME,SPECIALIZED_SME,")
                    .append(region).append(",HOME_APPLIANCES,")
                    .append(CAPABILITIES[random.nextInt(CAPABILITIES.length)]).append(';').append(CAPABILITIES[random.nextInt(CAPABILITIES.length)])
                    .append(",专注家电配套的专精特新企业,PRODUCT_SUPPORTING:STRONG;TECH_RND:OPEN,")
                    .append(50 + random.nextInt(900)).append(',').append(1990 + random.nextInt(34)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}

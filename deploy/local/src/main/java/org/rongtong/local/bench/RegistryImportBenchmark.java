package org.rongtong.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.postgresql.PGConnection;
import org.rongtong.local.LocalStack;
import org.rongtong.local.Service;
import org.rongtong.testing.DevTokens;
import org.rongtong.local.generator.ImportFiles;
import org.rongtong.local.generator.ProgrammeGenerator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Imports N generated enterprises (default 100,000) through the registry's bulk endpoint into a packaged
 * registry-service with its own database and an in-process broker (the service's heap: -Drongtong.local.heap, 512m by
 * default), and prints rows per second, the time until the last registered event is on the topic, the service's peak
 * resident memory, and, side by side, a plain {@code COPY} of the same CSV into a scratch table of the same database
 * with the ratio of the two. Run it with bench/registry-import.sh.
 */
public final class RegistryImportBenchmark {

    public static void main(String[] args) {
        BenchMain.run(args, RegistryImportBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path root = Path.of(System.getProperty("rongtong.root", "."));
        Path csv = generate(rows);
        System.out.printf("Generated %,d rows (%.1f MB of CSV); service heap -Xmx%s%n", rows, Files.size(csv) / 1e6,
                System.getProperty("rongtong.local.heap", "512m"));
        try (LocalStack stack = LocalStack.throwaway(root, "rt_bench").only(EnumSet.of(Service.REGISTRY)).start();
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                        "group.id", "bench-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "max.poll.records", "5000"),
                        new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("registry.enterprises.v1"));
            consumer.poll(Duration.ofMillis(500));
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            String token = DevTokens.partner();

            long start = System.nanoTime();
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(stack.url(Service.REGISTRY) + "/api/v1/enterprises/imports"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() / 100 != 2) {
                throw new IllegalStateException("Import refused: " + accepted.statusCode() + " " + accepted.body());
            }
            String location = URI.create(stack.url(Service.REGISTRY)).resolve(accepted.headers().firstValue("Location").orElseThrow()).toString();
            double acceptedAfter = seconds(start);

            Set<String> published = new HashSet<>();
            double importedAfter = -1;
            JsonNode job = null;
            while (published.size() < rows || importedAfter < 0) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    published.add(r.key());
                }
                if (importedAfter < 0) {
                    job = json.readTree(http.send(HttpRequest.newBuilder(URI.create(location + "?registered=false")).header("Authorization", "Bearer " + token)
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
                if (seconds(start) > 1200) {
                    throw new IllegalStateException("Gave up after 20 minutes: " + published.size() + " events, job " + job);
                }
            }
            double lastEventAfter = seconds(start);
            long peakKb = peakResidentKb(stack.process(Service.REGISTRY).pid());
            JsonNode finished = json.readTree(http.send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            int listed = finished.get("registered").size();
            double[] copy = plainCopy(stack, csv);
            System.out.println();
            System.out.printf("rows imported            %,d (rejected %d)%n", job.get("done").asInt(), job.get("rejected").asInt());
            System.out.printf("upload accepted after    %.2f s (validation of every row included)%n", acceptedAfter);
            System.out.printf("import finished after    %.2f s  -> %,.0f rows/s%n", importedAfter, rows / importedAfter);
            System.out.printf("last event on the topic  %.2f s after the upload began (%,d distinct enterprises)%n", lastEventAfter, published.size());
            System.out.printf("ids listed in the answer %,d%n", listed);
            System.out.printf("service peak RSS         %,d MiB (heap -Xmx%s)%n", peakKb / 1024, System.getProperty("rongtong.local.heap", "512m"));
            System.out.printf("plain COPY, stored rows  %.2f s (the enterprise rows into a table LIKE enterprise, its indexes too)%n", copy[0]);
            System.out.printf("plain COPY, raw CSV      %.2f s (the file into an unindexed table of text columns)%n", copy[1]);
            System.out.printf("registered and published / plain COPY of the stored rows = %.1fx (target <= 10x): %s%n", lastEventAfter / copy[0],
                    lastEventAfter <= 10 * copy[0] ? "MET" : "MISSED");
            System.out.printf("registered and published / plain COPY of the raw CSV     = %.1fx%n", lastEventAfter / copy[1]);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The same rows by plain COPY, twice, each timed on its own: the enterprise rows the import stored (read back with
     * COPY TO, not timed) into a scratch table built LIKE enterprise (same columns, same indexes), and the raw CSV into
     * an unindexed table of text columns (a lower bound: no ids, no JSON, no index).
     *
     * @return {seconds for the stored rows, seconds for the raw CSV}
     */
    private static double[] plainCopy(LocalStack stack, Path csv) throws Exception {
        Path stored = Files.createTempFile("registry-import-rows-", ".copy");
        stored.toFile().deleteOnExit();
        try (Connection c = stack.connect(Service.REGISTRY); Statement s = c.createStatement()) {
            try (Writer out = Files.newBufferedWriter(stored, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY enterprise TO STDOUT", out);
            }
            s.execute("CREATE TABLE bench_copy_rows (LIKE enterprise INCLUDING ALL)");
            s.execute("CREATE TABLE bench_copy_csv (name TEXT, credit_code CHAR(18), kind TEXT, tier TEXT, region_code CHAR(6), "
                    + "chains TEXT, capabilities TEXT, description TEXT, willingness TEXT, employees INT, year_founded INT)");
            try {
                double rows = timedCopy(c, "COPY bench_copy_rows FROM STDIN", stored);
                double raw = timedCopy(c, "COPY bench_copy_csv FROM STDIN WITH (FORMAT csv, HEADER true)", csv);
                return new double[] {rows, raw};
            } finally {
                s.execute("DROP TABLE bench_copy_rows");
                s.execute("DROP TABLE bench_copy_csv");
                Files.deleteIfExists(stored);
            }
        }
    }

    private static double timedCopy(Connection c, String sql, Path file) throws Exception {
        long start = System.nanoTime();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, in);
        }
        return seconds(start);
    }

    /** The process's peak resident set (VmHWM), or -1 where /proc does not tell. */
    private static long peakResidentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception ignored) {
            // not Linux: no figure
        }
        return -1;
    }

    /** The rows from the programme generator (seed 42): every kind, every prefecture of Shandong, valid credit codes. */
    static Path generate(int rows) throws java.io.IOException {
        return generate(0, rows);
    }

    /** The generator's rows {@code from} to {@code from + rows} (seed 42): files of distinct enterprises. */
    static Path generate(int from, int rows) throws java.io.IOException {
        Path file = Files.createTempFile("registry-import-", ".csv");
        file.toFile().deleteOnExit();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ImportFiles.csv(new ProgrammeGenerator(42).enterprises(from + rows).skip(from), out);
        }
        return file;
    }
}

package org.rongtong.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.rongtong.testing.DevTokens;
import org.rongtong.testing.PostgresServer;

/** The services' JVMs, one per replica: how each is launched (its command line), killed and stopped. */
final class ServiceProcesses implements AutoCloseable {

    private final StackDirectories directories;
    private final StackPorts ports;
    private final Map<Service, Map<String, String>> properties;
    private final StackDatabases databases;
    private final StackKafka kafka;
    private final Map<Service, Map<Integer, Process>> running = new EnumMap<>(Service.class);

    ServiceProcesses(StackDirectories directories, StackPorts ports, Map<Service, Map<String, String>> properties, StackDatabases databases,
            StackKafka kafka) {
        this.directories = directories;
        this.ports = ports;
        this.properties = properties;
        this.databases = databases;
        this.kafka = kafka;
    }

    /** How messages name a replica: the service alone for the first. */
    static String label(Service s, int replica) {
        return replica == 0 ? s.directory : s.directory + " replica " + replica;
    }

    /** The replica's JVM, or null when it was never started. */
    Process process(Service s, int replica) {
        return running.getOrDefault(s, Map.of()).get(replica);
    }

    /** Starts the replica again after a kill; refuses while its predecessor still runs. */
    void relaunch(Service s, int replica) throws IOException {
        Process old = process(s, replica);
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(label(s, replica) + " is still running");
        }
        // a restarted service writes after what its killed predecessor wrote
        launch(s, replica, true);
    }

    void launch(Service s, int replica, boolean appendToLog) throws IOException {
        Path log = directories.logFile(s, replica);
        Files.createDirectories(log.getParent());
        ProcessBuilder.Redirect output = appendToLog ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile());
        Process p = new ProcessBuilder(command(s, replica)).directory(directories.root().toFile()).redirectErrorStream(true)
                .redirectOutput(output).start();
        running.computeIfAbsent(s, x -> new TreeMap<>()).put(replica, p);
    }

    private List<String> command(Service s, int replica) {
        PostgresServer postgres = databases.server();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap(s), gc(s),
                "-Dquarkus.http.port=" + ports.api(s, replica),
                // the development key is allowed only on loopback (DevelopmentKeyGuard): nobody else can reach these
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + ports.management(s, replica),
                "-Dquarkus.management.host=127.0.0.1",
                "-Drongtong.security.allow-development-key=true",
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(databases.name(s)),
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(databases.name(s)),
                "-Dquarkus.datasource.username=" + postgres.user(),
                "-Dquarkus.datasource.password=" + postgres.password(),
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                // the development key pair: fine on a laptop, never in a deployment
                "-Dmp.jwt.verify.issuer=" + DevTokens.ISSUER,
                "-Dmp.jwt.verify.publickey.location=rongtong-dev-jwt-public.pem",
                // notification-service's development key for webhook secrets at rest (ADR 0017): likewise never deployed
                "-Drongtong.webhooks.secret-key=PgV6P3XuVe5a7nq8oWqssKBj+OsEydy4ngF9rUca7JM="));
        command.addAll(dashboardWiring(s));
        properties.getOrDefault(s, Map.of()).forEach((key, value) -> command.add("-D" + key + "=" + value));
        // extra JVM options for every service, e.g. a flight recording while a benchmark runs
        String extra = System.getProperty("rongtong.local.jvm-args", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", directories.runner(s).toString()));
        return command;
    }

    /**
     * The heap of a service's JVM: {@code -Drongtong.local.heap.<service>} (e.g. {@code rongtong.local.heap.matching-service}),
     * else {@code -Drongtong.local.heap}, else 512m, and for matching-service 1536m: it keeps the enterprise index in
     * memory (about 280 MB live at 100,000 enterprises), and in 512m it spent half of a bulk import in full collections
     * (docs/adr/0034-matching-memory-and-batched-ranking.md).
     */
    static String heap(Service s) {
        String own = System.getProperty("rongtong.local.heap." + s.directory);
        if (own != null && !own.isBlank()) {
            return own.trim();
        }
        String all = System.getProperty("rongtong.local.heap");
        if (all != null && !all.isBlank()) {
            return all.trim();
        }
        return s == Service.MATCHING ? "1536m" : "512m";
    }

    /**
     * The collector: the serial one keeps a small service small beside three others on a laptop; matching-service, whose
     * index is a large and changing share of its heap, gets the parallel one. {@code -Drongtong.local.gc.<service>=G1}
     * (or Serial, Parallel) overrides it.
     */
    static String gc(Service s) {
        String own = System.getProperty("rongtong.local.gc." + s.directory, s == Service.MATCHING ? "Parallel" : "Serial").trim();
        return "-XX:+Use" + own + "GC";
    }

    /**
     * The bureau dashboard is a page of notification-service calling the other three services, each on its own port here:
     * they allow that page's origin (and nothing else) by CORS, and the page learns their URLs from notification-service
     * (docs/adr/0027-bureau-dashboard-and-exports.md).
     */
    private List<String> dashboardWiring(Service s) {
        if (s == Service.NOTIFICATION) {
            return List.of("-Drongtong.dashboard.registry-url=" + ports.url(Service.REGISTRY, 0),
                    "-Drongtong.dashboard.demand-url=" + ports.url(Service.DEMAND, 0),
                    "-Drongtong.dashboard.matching-url=" + ports.url(Service.MATCHING, 0));
        }
        int page = ports.api(Service.NOTIFICATION, 0);
        return List.of("-Dquarkus.http.cors.enabled=true", "-Dquarkus.http.cors.origins=http://127.0.0.1:" + page + ",http://localhost:" + page,
                "-Dquarkus.http.cors.methods=GET", "-Dquarkus.http.cors.headers=Authorization,Accept");
    }

    /** SIGKILL: no shutdown hook runs, whatever the JVM was doing stops mid-way. */
    void kill(Service s, int replica) throws InterruptedException {
        Process p = process(s, replica);
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Asks every JVM to stop, and kills those still running after 15 s. */
    @Override
    public void close() {
        List<Process> all = new ArrayList<>();
        running.values().forEach(replicas -> all.addAll(replicas.values()));
        all.forEach(Process::destroy);
        for (Process p : all) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        running.clear();
    }
}

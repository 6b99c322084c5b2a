package org.rongtong.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.rongtong.testing.BundledPostgres;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.EmbeddedKafkaBroker;
import org.rongtong.testing.PostgresServer;

/**
 * The whole suite on one machine, without Docker: a Kafka broker in this JVM, one database per service on the
 * local PostgreSQL server, and the four packaged services as child processes. The end-to-end tests start it too.
 */
public final class LocalStack implements AutoCloseable {

    static final String ENTERPRISES_TOPIC = "registry.enterprises.v1";
    static final String DEMANDS_TOPIC = "demand.demands.v1";
    static final String MATCHES_TOPIC = "matching.matches.v1";

    private final Path root;
    private final String databasePrefix;
    private final boolean dropDatabasesOnClose;
    private final Map<Service, Integer> ports;
    private final Map<Service, Integer> managementPorts;
    private final int kafkaPort;
    private java.util.Set<Service> services = java.util.EnumSet.allOf(Service.class);
    private PostgresServer postgres = new PostgresServer();
    private boolean postgresChosen;
    private BundledPostgres bundled;
    // the developer's stack (run.sh) keeps its cluster and topics in .local-stack; a test's stack throws them away
    private boolean developerStack;
    private boolean fresh;
    private final Map<Service, Process> processes = new EnumMap<>(Service.class);
    private final Map<Service, Map<String, String>> properties = new EnumMap<>(Service.class);
    private EmbeddedKafkaBroker broker;
    private String bootstrapServers;
    private int partitions = 3;
    /** Replicas beyond the first, each on ports of its own and the same database (the scale-out test, benchmarks). */
    private final Map<Service, List<Replica>> replicas = new EnumMap<>(Service.class);

    private static final class Replica {
        final int port = EmbeddedKafkaBroker.freePort();
        final int managementPort = EmbeddedKafkaBroker.freePort();
        Process process;
    }

    /** A stack on these public ports; each service's management interface (health, metrics) takes a free port. */
    public LocalStack(Path root, String databasePrefix, boolean dropDatabasesOnClose, Map<Service, Integer> ports, int kafkaPort) {
        this(root, databasePrefix, dropDatabasesOnClose, ports, freePorts(), kafkaPort);
    }

    public LocalStack(Path root, String databasePrefix, boolean dropDatabasesOnClose, Map<Service, Integer> ports,
            Map<Service, Integer> managementPorts, int kafkaPort) {
        this.root = root.toAbsolutePath().normalize();
        this.databasePrefix = databasePrefix;
        this.dropDatabasesOnClose = dropDatabasesOnClose;
        this.ports = new EnumMap<>(ports);
        this.managementPorts = new EnumMap<>(managementPorts);
        this.kafkaPort = kafkaPort;
    }

    private static Map<Service, Integer> freePorts() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, EmbeddedKafkaBroker.freePort());
        }
        return ports;
    }

    /**
     * The stack a developer runs: ports 8081-8084 (health and metrics on 9081-9084), Kafka on 9092 when free, databases
     * rongtong_*, kept between runs.
     */
    public static LocalStack standard(Path root) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, Integer> management = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, s.defaultPort);
            management.put(s, s.defaultManagementPort);
        }
        LocalStack stack = new LocalStack(root, "rongtong", false, ports, management, portIsFree(9092) ? 9092 : EmbeddedKafkaBroker.freePort());
        stack.developerStack = true;
        return stack;
    }

    /** Starts clean: drops the stack's databases and deletes its topics (.local-stack/kafka) before starting. */
    public LocalStack fresh() {
        this.fresh = true;
        return this;
    }

    /** Runs only these services (benchmarks of one service); all four by default. */
    public LocalStack only(java.util.Set<Service> chosen) {
        this.services = java.util.EnumSet.copyOf(chosen);
        return this;
    }

    /** Uses this PostgreSQL server instead of the one PGHOST/PGPORT name (the fault-injection suite's private cluster). */
    public LocalStack using(PostgresServer server) {
        this.postgres = server;
        this.postgresChosen = true;
        return this;
    }

    /** A system property for one service's JVM, on top of the stack's own (e.g. a setting a test needs). */
    public LocalStack withProperty(Service service, String key, String value) {
        properties.computeIfAbsent(service, s -> new java.util.LinkedHashMap<>()).put(key, value);
        return this;
    }

    /** The same system property for every service's JVM. */
    public LocalStack withProperty(String key, String value) {
        for (Service s : Service.values()) {
            withProperty(s, key, value);
        }
        return this;
    }

    /** Runs {@code count} replicas of the service (1 by default): the others on free ports, with the same database. */
    public LocalStack withReplicas(Service service, int count) {
        List<Replica> extra = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            extra.add(new Replica());
        }
        replicas.put(service, extra);
        return this;
    }

    /** The partitions of the stack's topics when it creates them (3 by default). */
    public LocalStack withPartitions(int count) {
        this.partitions = count;
        return this;
    }

    public LocalStack start() throws Exception {
        choosePostgres();
        for (Service s : services) {
            Path jar = runner(s);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
            }
        }
        if (fresh) {
            for (Service s : Service.values()) {
                postgres.dropDatabase(database(s));
            }
            deleteRecursively(kafkaDirectory());
        }
        startKafka();
        for (Service s : Service.values()) {
            postgres.createDatabaseIfMissing(database(s));
        }
        for (Service s : services) {
            processes.put(s, launch(s, false));
        }
        for (Service s : services) {
            for (int i = 1; i <= replicas.getOrDefault(s, List.of()).size(); i++) {
                replicas.get(s).get(i - 1).process = launch(s, i, false);
            }
        }
        awaitReady(services, Duration.ofSeconds(180));
        for (Service s : services) {
            for (int i = 1; i <= replicas.getOrDefault(s, List.of()).size(); i++) {
                awaitReady(s, i, Duration.ofSeconds(180));
            }
        }
        return this;
    }

    /** SIGKILL of one replica (0 is the first, {@link #kill} kills it too). */
    public void kill(Service service, int replica) throws InterruptedException {
        if (replica == 0) {
            kill(service);
            return;
        }
        Process p = replicas.get(service).get(replica - 1).process;
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts a killed replica (other than the first) again on its ports and waits until it is ready. */
    public void restart(Service service, int replica, Duration timeout) throws Exception {
        Replica r = replicas.get(service).get(replica - 1);
        if (r.process.isAlive()) {
            throw new IllegalStateException(service.directory + " replica " + replica + " is still running");
        }
        r.process = launch(service, replica, true);
        awaitReady(service, replica, timeout);
    }

    /** The public API of one replica (0: the first, as {@link #url(Service)}). */
    public String url(Service service, int replica) {
        return replica == 0 ? url(service) : "http://127.0.0.1:" + replicas.get(service).get(replica - 1).port;
    }

    public String managementUrl(Service service, int replica) {
        return replica == 0 ? managementUrl(service) : "http://127.0.0.1:" + replicas.get(service).get(replica - 1).managementPort;
    }

    public int replicas(Service service) {
        return 1 + replicas.getOrDefault(service, List.of()).size();
    }

    /** Kills the service's JVM with SIGKILL: no shutdown hook runs, whatever it was doing stops mid-way. */
    public void kill(Service service) throws InterruptedException {
        Process p = processes.get(service);
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Starts the services again (after {@link #kill}) on the same ports and databases, and waits until they are ready. */
    public void restart(java.util.Collection<Service> chosen, Duration timeout) throws Exception {
        for (Service s : chosen) {
            Process old = processes.get(s);
            if (old != null && old.isAlive()) {
                throw new IllegalStateException(s.directory + " is still running");
            }
            processes.put(s, launch(s, true));
        }
        awaitReady(chosen, timeout);
    }

    /** Stops the in-process broker, keeping its log directory and port, so that {@link #startBroker()} brings it back. */
    public void stopBroker() {
        requireOwnBroker().stop();
    }

    public void startBroker() {
        requireOwnBroker().start();
    }

    private EmbeddedKafkaBroker requireOwnBroker() {
        if (broker == null) {
            throw new IllegalStateException("The stack uses an external Kafka (KAFKA_BOOTSTRAP_SERVERS): it cannot restart it");
        }
        return broker;
    }

    public String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** The service's management interface: /q/health/* and /q/metrics (not served on {@link #url}). */
    public String managementUrl(Service service) {
        return "http://127.0.0.1:" + managementPorts.get(service);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A JDBC connection to the service's own database (a benchmark's maintenance). */
    public java.sql.Connection connect(Service service) throws java.sql.SQLException {
        return postgres.connect(database(service));
    }

    /** The service's process, while the stack runs (a benchmark reads its CPU time). */
    public ProcessHandle process(Service service) {
        return processes.get(service).toHandle();
    }

    /** One replica's process (0: the first, as {@link #process(Service)}). */
    public ProcessHandle process(Service service, int replica) {
        return replica == 0 ? process(service) : replicas.get(service).get(replica - 1).process.toHandle();
    }

    public Path logFile(Service service) {
        return root.resolve(".local-stack/logs/" + service.directory + ".log");
    }

    /**
     * The configured server (PGHOST/PGPORT), else the one on 127.0.0.1:5432 when it answers, else a bundled PostgreSQL
     * over the cluster in .local-stack/postgres, kept between runs like the databases on a real server (ADR 0025).
     */
    private void choosePostgres() throws IOException {
        if (postgresChosen) {
            if (!postgres.isReachable()) {
                throw new IllegalStateException("No PostgreSQL server answers at " + postgres.host() + ":" + postgres.port());
            }
            return;
        }
        // the developer's stack keeps its cluster in .local-stack; a test's stack uses a throw-away one
        Path dataDir = developerStack ? root.resolve(".local-stack/postgres/data")
                : Files.createTempDirectory("rongtong-stack-pg-", java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"))).resolve("data");
        PostgresServer.Chosen chosen = PostgresServer.choose(postgres, PostgresServer.configured(), dataDir,
                developerStack && portIsFree(15432) ? 15432 : EmbeddedKafkaBroker.freePort());
        postgres = chosen.server();
        bundled = chosen.bundled();
        postgresChosen = true;
    }

    /** Whether the stack runs on a bundled PostgreSQL (no server answered). */
    public boolean onBundledPostgres() {
        return bundled != null;
    }

    /** Whether the stack runs on a bundled PostgreSQL (no server answered), and where. */
    public String postgresDescription() {
        return (bundled != null ? "bundled PostgreSQL (data in " + bundled.dataDirectory() + ") at " : "PostgreSQL at ")
                + postgres.host() + ":" + postgres.port();
    }

    private Path kafkaDirectory() {
        return root.resolve(".local-stack/kafka");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private void startKafka() throws Exception {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            bootstrapServers = external;
        } else {
            // the developer's stack keeps its topics between runs, as it keeps its databases
            broker = (developerStack ? new EmbeddedKafkaBroker(kafkaDirectory(), kafkaPort, 3) : new EmbeddedKafkaBroker(kafkaPort, 3)).start();
            bootstrapServers = broker.bootstrapServers();
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            // the snapshot topics are compacted: a new consumer replays the latest state of every aggregate
            List<NewTopic> topics = List.of(
                    new NewTopic(ENTERPRISES_TOPIC, partitions, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(DEMANDS_TOPIC, partitions, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(MATCHES_TOPIC, partitions, (short) 1));
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static boolean portIsFree(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String database(Service s) {
        return databasePrefix + "_" + s.databaseSuffix();
    }

    private Path runner(Service s) {
        return root.resolve(s.directory).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private Process launch(Service s, boolean appendToLog) throws IOException {
        return launch(s, 0, appendToLog);
    }

    private Path logFile(Service s, int replica) {
        return replica == 0 ? logFile(s) : root.resolve(".local-stack/logs/" + s.directory + "-" + (replica + 1) + ".log");
    }

    private Process launch(Service s, int replica, boolean appendToLog) throws IOException {
        Path log = logFile(s, replica);
        Files.createDirectories(log.getParent());
        int port = replica == 0 ? ports.get(s) : replicas.get(s).get(replica - 1).port;
        int management = replica == 0 ? managementPorts.get(s) : replicas.get(s).get(replica - 1).managementPort;
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + System.getProperty("rongtong.local.heap", "512m"), "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port,
                // the development key is allowed only on loopback (DevelopmentKeyGuard): nobody else can reach these
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + management,
                "-Dquarkus.management.host=127.0.0.1",
                "-Drongtong.security.allow-development-key=true",
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(database(s)),
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(database(s)),
                "-Dquarkus.datasource.username=" + postgres.user(),
                "-Dquarkus.datasource.password=" + postgres.password(),
                "-Dkafka.bootstrap.servers=" + bootstrapServers,
                // the development key pair: fine on a laptop, never in a deployment
                "-Dmp.jwt.verify.issuer=" + DevTokens.ISSUER,
                "-Dmp.jwt.verify.publickey.location=rongtong-dev-jwt-public.pem",
                // notification-service's development key for webhook secrets at rest (ADR 0017): likewise never deployed
                "-Drongtong.webhooks.secret-key=PgV6P3XuVe5a7nq8oWqssKBj+OsEydy4ngF9rUca7JM=",
                "-jar", runner(s).toString()));
        command.addAll(command.indexOf("-jar"), dashboardWiring(s));
        properties.getOrDefault(s, Map.of()).forEach((key, value) -> command.add(command.indexOf("-jar"), "-D" + key + "=" + value));
        // extra JVM options for every service, e.g. a flight recording while a benchmark runs
        String extra = System.getProperty("rongtong.local.jvm-args", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(command.indexOf("-jar"), List.of(extra.split("\\s+")));
        }
        // a restarted service writes after what its killed predecessor wrote
        return new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(appendToLog ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()))
                .start();
    }

    /**
     * The bureau dashboard is a page of notification-service calling the other three services, each on its own port here:
     * they allow that page's origin (and nothing else) by CORS, and the page learns their URLs from notification-service
     * (docs/adr/0027-bureau-dashboard-and-exports.md).
     */
    private List<String> dashboardWiring(Service s) {
        if (s == Service.NOTIFICATION) {
            return List.of("-Drongtong.dashboard.registry-url=" + url(Service.REGISTRY), "-Drongtong.dashboard.demand-url=" + url(Service.DEMAND),
                    "-Drongtong.dashboard.matching-url=" + url(Service.MATCHING));
        }
        int page = ports.get(Service.NOTIFICATION);
        return List.of("-Dquarkus.http.cors.enabled=true", "-Dquarkus.http.cors.origins=http://127.0.0.1:" + page + ",http://localhost:" + page,
                "-Dquarkus.http.cors.methods=GET", "-Dquarkus.http.cors.headers=Authorization,Accept");
    }

    private void awaitReady(java.util.Collection<Service> chosen, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Service s : chosen) {
            while (true) {
                Process p = processes.get(s);
                if (!p.isAlive()) {
                    throw new IllegalStateException(s.directory + " exited with " + p.exitValue() + "; see " + logFile(s));
                }
                if (isReady(http, s)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(s.directory + " not ready within " + timeout + "; see " + logFile(s));
                }
                Thread.sleep(500);
            }
        }
    }

    private void awaitReady(Service s, int replica, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        Process p = replicas.get(s).get(replica - 1).process;
        while (!isReady(http, managementUrl(s, replica))) {
            if (!p.isAlive()) {
                throw new IllegalStateException(s.directory + " replica " + replica + " exited with " + p.exitValue() + "; see " + logFile(s, replica));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(s.directory + " replica " + replica + " not ready within " + timeout + "; see " + logFile(s, replica));
            }
            Thread.sleep(500);
        }
    }

    private boolean isReady(HttpClient http, Service s) {
        return isReady(http, managementUrl(s));
    }

    private boolean isReady(HttpClient http, String management) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(management + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        List<Process> all = new ArrayList<>(processes.values());
        replicas.values().forEach(list -> list.stream().filter(r -> r.process != null).forEach(r -> all.add(r.process)));
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
        processes.clear();
        replicas.values().forEach(list -> list.forEach(r -> r.process = null));
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (dropDatabasesOnClose && postgresChosen) {
            for (Service s : Service.values()) {
                postgres.dropDatabase(database(s));
            }
        }
        if (bundled != null) {
            bundled.close();
            if (!developerStack) {
                try {
                    deleteRecursively(bundled.dataDirectory().getParent());
                } catch (IOException ignored) {
                    // a temporary directory left behind is harmless
                }
            }
            bundled = null;
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        boolean demo = List.of(args).contains("--demo");
        Path root = Path.of(System.getProperty("rongtong.root", "."));
        LocalStack stack = standard(root);
        if (List.of(args).contains("--fresh")) {
            stack.fresh();
        }
        long began = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the Rongtong local stack…");
            stack.close();
            System.out.println("Stopped.");
        }, "local-stack-shutdown"));
        System.out.println("Starting Kafka and the four services (logs in " + root.toAbsolutePath().normalize().resolve(".local-stack/logs") + ") …");
        try {
            stack.start();
            System.out.printf("The four services are ready after %.0f s.%n", (System.nanoTime() - began) / 1e9);
            if (demo) {
                new DemoProgramme(new StackClient(stack)).load(System.out);
            }
        } catch (Exception e) {
            System.err.println("The local stack did not start: " + e.getMessage());
            System.exit(1);
        }
        stack.printWelcome();
        System.out.printf("Up%s after %.0f s.%n", demo ? " with the demonstration programme" : "", (System.nanoTime() - began) / 1e9);
        Thread.currentThread().join();
    }

    void printWelcome() {
        StringBuilder out = new StringBuilder("\nRongtong is up.\n\n");
        out.append("  Kafka bootstrap      ").append(bootstrapServers).append('\n');
        out.append("  Databases            ").append(postgresDescription()).append('\n');
        for (Service s : Service.values()) {
            out.append(String.format("  %-20s %s   (Swagger UI: %s/q/swagger-ui; health: %s/q/health/ready, metrics: %s/q/metrics)%n",
                    s.directory, url(s), url(s), managementUrl(s), managementUrl(s)));
        }
        out.append("\nBureau dashboard:      ").append(url(Service.NOTIFICATION)).append("/dashboard/  (sign in with the bureau token below)\n");
        out.append("\nTokens for trying the APIs (development key, valid 12 h):\n");
        out.append("  operator:  ").append(DevTokens.operator()).append('\n');
        out.append("  partner:   ").append(DevTokens.partner()).append('\n');
        out.append("  bureau 37: ").append(DevTokens.bureau("37")).append('\n');
        out.append("\nExample:  curl -H \"Authorization: Bearer $TOKEN\" ").append(url(Service.REGISTRY)).append("/api/v1/enterprises/<id>\n");
        out.append("Press Ctrl-C to stop everything.\n");
        System.out.println(out);
    }
}

package org.rongtong.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rongtong.testing.EmbeddedKafkaBroker;
import org.rongtong.testing.PostgresServer;

/**
 * The whole suite on one machine, without Docker: a Kafka broker in this JVM, one database per service on the
 * local PostgreSQL server, and the four packaged services as child processes. The end-to-end tests start it too.
 */
public final class LocalStack implements AutoCloseable {

    private final StackDirectories directories;
    private final StackDatabases databases;
    private final boolean dropDatabasesOnClose;
    private final StackPorts ports;
    private final int kafkaPort;
    private final StackKafka kafka = new StackKafka();
    private final Map<Service, Map<String, String>> properties = new EnumMap<>(Service.class);
    private final ServiceProcesses processes;
    private Set<Service> services = EnumSet.allOf(Service.class);
    // the developer's stack (run.sh) keeps its cluster and topics in .local-stack; a test's stack throws them away
    private boolean developerStack;
    private boolean fresh;
    private int partitions = 3;

    /** A stack on these public ports; each service's management interface (health, metrics) takes a free port. */
    public LocalStack(Path root, String databasePrefix, boolean dropDatabasesOnClose, Map<Service, Integer> ports, int kafkaPort) {
        this(root, databasePrefix, dropDatabasesOnClose, ports, StackPorts.free(), kafkaPort);
    }

    public LocalStack(Path root, String databasePrefix, boolean dropDatabasesOnClose, Map<Service, Integer> ports,
            Map<Service, Integer> managementPorts, int kafkaPort) {
        this.directories = new StackDirectories(root);
        this.databases = new StackDatabases(databasePrefix);
        this.dropDatabasesOnClose = dropDatabasesOnClose;
        this.ports = new StackPorts(ports, managementPorts);
        this.kafkaPort = kafkaPort;
        this.processes = new ServiceProcesses(directories, this.ports, properties, databases, kafka);
    }

    /** A stack with every port free (a test's or a benchmark's, which may run beside the developer's). */
    public static LocalStack onFreePorts(Path root, String databasePrefix, boolean dropDatabasesOnClose) {
        return new LocalStack(root, databasePrefix, dropDatabasesOnClose, StackPorts.free(), EmbeddedKafkaBroker.freePort());
    }

    /** A stack on free ports whose databases ({@code <name>_<random>_*}) are its own and dropped when it closes. */
    public static LocalStack throwaway(Path root, String name) {
        return onFreePorts(root, name + "_" + UUID.randomUUID().toString().substring(0, 8), true);
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
        LocalStack stack = new LocalStack(root, "rongtong", false, ports, management, StackPorts.isFree(9092) ? 9092 : EmbeddedKafkaBroker.freePort());
        stack.developerStack = true;
        return stack;
    }

    /** Starts clean: drops the stack's databases and deletes its topics (.local-stack/kafka) before starting. */
    public LocalStack fresh() {
        this.fresh = true;
        return this;
    }

    /** Runs only these services (benchmarks of one service); all four by default. */
    public LocalStack only(Set<Service> chosen) {
        this.services = EnumSet.copyOf(chosen);
        return this;
    }

    /** Uses this PostgreSQL server instead of the one PGHOST/PGPORT name (the fault-injection suite's private cluster). */
    public LocalStack using(PostgresServer server) {
        databases.use(server);
        return this;
    }

    /** A system property for one service's JVM, on top of the stack's own (e.g. a setting a test needs). */
    public LocalStack withProperty(Service service, String key, String value) {
        properties.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    /** The same system property for every service's JVM. */
    public LocalStack withProperty(String key, String value) {
        for (Service s : Service.values()) {
            withProperty(s, key, value);
        }
        return this;
    }

    /** A killed consumer's partitions go to another after 10 s instead of Kafka's default 45 s (tests that kill services). */
    public LocalStack withFastFailover() {
        return withProperty("mp.messaging.connector.smallrye-kafka.session.timeout.ms", "10000")
                .withProperty("mp.messaging.connector.smallrye-kafka.heartbeat.interval.ms", "2000");
    }

    /** Webhooks may go to plain http on loopback (a test's receiver): for this stack only, strict targets stay the default. */
    public LocalStack withLoopbackWebhooks() {
        return withProperty(Service.NOTIFICATION, "rongtong.webhooks.strict-targets", "false");
    }

    /** Runs {@code count} replicas of the service (1 by default): the others on free ports, with the same database. */
    public LocalStack withReplicas(Service service, int count) {
        ports.replicas(service, count);
        return this;
    }

    /** The partitions of the stack's topics when it creates them (3 by default). */
    public LocalStack withPartitions(int count) {
        this.partitions = count;
        return this;
    }

    public LocalStack start() throws Exception {
        databases.choose(developerStack ? directories.postgresData() : null);
        for (Service s : services) {
            Path jar = directories.runner(s);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
            }
        }
        if (fresh) {
            databases.dropAll();
            StackDirectories.deleteRecursively(directories.kafka());
        }
        // the developer's stack keeps its topics between runs, as it keeps its databases
        kafka.start(kafkaPort, developerStack ? directories.kafka() : null, partitions);
        databases.createAll();
        for (Service s : services) {
            for (int i = 0; i < ports.replicas(s); i++) {
                processes.launch(s, i, false);
            }
        }
        // the first replicas share one deadline, any others have one each
        Readiness firstReplicas = new Readiness(Duration.ofSeconds(180));
        for (Service s : services) {
            awaitReady(firstReplicas, s, 0);
        }
        for (Service s : services) {
            for (int i = 1; i < ports.replicas(s); i++) {
                awaitReady(new Readiness(Duration.ofSeconds(180)), s, i);
            }
        }
        return this;
    }

    private void awaitReady(Readiness readiness, Service s, int replica) throws InterruptedException {
        readiness.await(ServiceProcesses.label(s, replica), processes.process(s, replica), managementUrl(s, replica), directories.logFile(s, replica));
    }

    /** Kills the service's JVM with SIGKILL: no shutdown hook runs, whatever it was doing stops mid-way. */
    public void kill(Service service) throws InterruptedException {
        kill(service, 0);
    }

    /** SIGKILL of one replica (0 is the first, as {@link #kill(Service)}). */
    public void kill(Service service, int replica) throws InterruptedException {
        processes.kill(service, replica);
    }

    /** Starts the services again (after {@link #kill}) on the same ports and databases, and waits until they are ready. */
    public void restart(Collection<Service> chosen, Duration timeout) throws Exception {
        for (Service s : chosen) {
            processes.relaunch(s, 0);
        }
        Readiness readiness = new Readiness(timeout);
        for (Service s : chosen) {
            awaitReady(readiness, s, 0);
        }
    }

    /** Starts a killed replica again on its ports and waits until it is ready. */
    public void restart(Service service, int replica, Duration timeout) throws Exception {
        processes.relaunch(service, replica);
        awaitReady(new Readiness(timeout), service, replica);
    }

    /** Stops the in-process broker, keeping its log directory and port, so that {@link #startBroker()} brings it back. */
    public void stopBroker() {
        kafka.stopBroker();
    }

    public void startBroker() {
        kafka.startBroker();
    }

    public String url(Service service) {
        return url(service, 0);
    }

    /** The public API of one replica (0: the first, as {@link #url(Service)}). */
    public String url(Service service, int replica) {
        return ports.url(service, replica);
    }

    /** The service's management interface: /q/health/* and /q/metrics (not served on {@link #url}). */
    public String managementUrl(Service service) {
        return managementUrl(service, 0);
    }

    public String managementUrl(Service service, int replica) {
        return ports.managementUrl(service, replica);
    }

    public int replicas(Service service) {
        return ports.replicas(service);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A JDBC connection to the service's own database (a benchmark's maintenance). */
    public Connection connect(Service service) throws SQLException {
        return databases.connect(service);
    }

    /** The service's process, while the stack runs (a benchmark reads its CPU time). */
    public ProcessHandle process(Service service) {
        return process(service, 0);
    }

    /** One replica's process (0: the first, as {@link #process(Service)}). */
    public ProcessHandle process(Service service, int replica) {
        return processes.process(service, replica).toHandle();
    }

    public Path logFile(Service service) {
        return directories.logFile(service, 0);
    }

    /** Whether the stack runs on a bundled PostgreSQL (no server answered). */
    public boolean onBundledPostgres() {
        return databases.bundled();
    }

    /** Whether the stack runs on a bundled PostgreSQL (no server answered), and where. */
    public String postgresDescription() {
        return databases.description();
    }

    @Override
    public void close() {
        processes.close();
        kafka.close();
        databases.close(dropDatabasesOnClose, developerStack);
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
        System.out.println("Starting Kafka and the four services (logs in " + stack.directories.logs() + ") …");
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
        System.out.println(Welcome.text(stack));
        System.out.printf("Up%s after %.0f s.%n", demo ? " with the demonstration programme" : "", (System.nanoTime() - began) / 1e9);
        Thread.currentThread().join();
    }
}

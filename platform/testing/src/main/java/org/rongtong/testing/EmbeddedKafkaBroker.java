package org.rongtong.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker in this JVM: KRaft, one node acting as broker and controller, free ports,
 * a temporary log directory. It can be stopped and started again on the same ports and data, which is
 * how tests simulate a broker that is unreachable for a while.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final Path logDir;
    private final int brokerPort;
    private final int controllerPort;
    private final int partitions;
    private final boolean keepData;
    private KafkaRaftServer server;

    public EmbeddedKafkaBroker() {
        this(freePort(), 3);
    }

    public EmbeddedKafkaBroker(int brokerPort, int defaultPartitions) {
        try {
            this.logDir = Files.createTempDirectory("rongtong-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.brokerPort = brokerPort;
        this.controllerPort = freePort();
        this.partitions = defaultPartitions;
        this.keepData = false;
        format();
    }

    /**
     * A broker whose topics live in {@code logDir} and outlive it (the local stack's {@code .local-stack/kafka}):
     * formatted when the directory holds no cluster yet, reused as it is otherwise, never deleted on {@link #close()}.
     */
    public EmbeddedKafkaBroker(Path logDir, int brokerPort, int defaultPartitions) {
        this.logDir = logDir.toAbsolutePath().normalize();
        this.brokerPort = brokerPort;
        this.controllerPort = freePort();
        this.partitions = defaultPartitions;
        this.keepData = true;
        if (!Files.isRegularFile(this.logDir.resolve("meta.properties"))) {
            try {
                Files.createDirectories(this.logDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            format();
        }
    }

    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    public synchronized EmbeddedKafkaBroker start() {
        if (server == null) {
            server = new KafkaRaftServer(new KafkaConfig(brokerProperties(), false), Time.SYSTEM);
            server.startup();
        }
        return this;
    }

    /** Stops the broker and keeps its data, so that {@link #start()} brings the same cluster back. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
        if (!keepData) {
            deleteRecursively(logDir);
        }
    }

    private void format() {
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
            new Formatter()
                    .setPrintStream(quiet)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the Kafka log directory " + logDir, e);
        }
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", String.valueOf(partitions));
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}

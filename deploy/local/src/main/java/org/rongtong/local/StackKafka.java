package org.rongtong.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.rongtong.testing.EmbeddedKafkaBroker;

/** The stack's Kafka: a broker in this JVM (or the one KAFKA_BOOTSTRAP_SERVERS names) and the services' topics on it. */
final class StackKafka implements AutoCloseable {

    static final String ENTERPRISES_TOPIC = "registry.enterprises.v1";
    static final String DEMANDS_TOPIC = "demand.demands.v1";
    static final String MATCHES_TOPIC = "matching.matches.v1";

    private EmbeddedKafkaBroker broker;
    private String bootstrapServers;

    /**
     * Starts the broker on this port, its log in {@code keptLogDirectory} (kept between runs) or, when that is null, in a
     * throw-away directory; then creates the topics that are missing.
     */
    void start(int port, Path keptLogDirectory, int partitions) throws Exception {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            bootstrapServers = external;
        } else {
            broker = (keptLogDirectory != null ? new EmbeddedKafkaBroker(keptLogDirectory, port, 3) : new EmbeddedKafkaBroker(port, 3)).start();
            bootstrapServers = broker.bootstrapServers();
        }
        createTopics(partitions);
    }

    private void createTopics(int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            // the snapshot topics are compacted: a new consumer replays the latest state of every aggregate
            List<NewTopic> topics = List.of(
                    new NewTopic(ENTERPRISES_TOPIC, partitions, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(DEMANDS_TOPIC, partitions, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(MATCHES_TOPIC, partitions, (short) 1));
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the in-process broker, keeping its log directory and port, so that {@link #startBroker()} brings it back. */
    void stopBroker() {
        requireOwnBroker().stop();
    }

    void startBroker() {
        requireOwnBroker().start();
    }

    private EmbeddedKafkaBroker requireOwnBroker() {
        if (broker == null) {
            throw new IllegalStateException("The stack uses an external Kafka (KAFKA_BOOTSTRAP_SERVERS): it cannot restart it");
        }
        return broker;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}

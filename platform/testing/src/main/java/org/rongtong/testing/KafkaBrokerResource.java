package org.rongtong.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a Quarkus test a real Kafka broker. The broker is started once per test JVM and shared by every
 * test class; when {@code KAFKA_BOOTSTRAP_SERVERS} is set, that cluster is used instead.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;

    /** The shared broker, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedKafkaBroker sharedBroker() {
        if (broker == null) {
            broker = new EmbeddedKafkaBroker().start();
            EmbeddedKafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-kafka-shutdown"));
        }
        return broker;
    }

    public static String bootstrapServers() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return external != null && !external.isBlank() ? external : sharedBroker().bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // shared across test classes: the shutdown hook stops it
    }
}

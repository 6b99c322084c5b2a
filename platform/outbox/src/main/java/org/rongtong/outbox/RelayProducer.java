package org.rongtong.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

/** The relay's own Kafka producer: created on first use, replaced after a failed round (the relay's thread only). */
final class RelayProducer {

    private final Config mpConfig;
    private final Duration deliveryTimeout;
    private KafkaProducer<String, byte[]> producer;

    RelayProducer(Config mpConfig, Duration deliveryTimeout) {
        this.mpConfig = mpConfig;
        this.deliveryTimeout = deliveryTimeout;
    }

    KafkaProducer<String, byte[]> get() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(mpConfig, deliveryTimeout), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    void close() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (Exception ignored) {
                // replaced by a fresh producer on the next round
            }
            producer = null;
        }
    }

    /**
     * The service's own {@code kafka.*} settings (bootstrap servers, {@code security.protocol}, {@code sasl.*},
     * {@code ssl.*}, …, also given as {@code KAFKA_*} environment variables), as far as a producer knows them, so the
     * relay reaches a secured cluster exactly as the service's consumers do; then what the relay's guarantees need
     * (idempotent, {@code acks=all}, ordered retries, bounded waits), which no setting may weaken.
     */
    static Map<String, Object> producerConfig(Config mpConfig, Duration deliveryTimeout) {
        Map<String, Object> props = new HashMap<>();
        Set<String> known = ProducerConfig.configNames();
        for (String name : mpConfig.getPropertyNames()) {
            String key = name.startsWith("kafka.") ? name.substring("kafka.".length())
                    : name.startsWith("KAFKA_") ? name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.') : null;
            if (key != null && known.contains(key)) {
                // read under the dotted name: the configuration decides which source wins
                mpConfig.getOptionalValue("kafka." + key, String.class).ifPresent(value -> props.put(key, value));
            }
        }
        // a bulk import relays 100,000 events of ~1.3 KB: fewer, compressed requests (unless the service says otherwise)
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, mpConfig.getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeout.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(deliveryTimeout.toMillis() / 2, 10_000));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + mpConfig.getOptionalValue("quarkus.application.name", String.class).orElse("app"));
        // the serializers are given to the constructor
        props.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        props.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return props;
    }
}

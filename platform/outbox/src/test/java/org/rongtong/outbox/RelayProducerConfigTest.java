package org.rongtong.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The relay's producer reaches the cluster with the service's own kafka.* settings (TLS, SASL), not just its address. */
@Tag("unit")
class RelayProducerConfigTest {

    private static Map<String, Object> producerConfig(Map<String, String> properties, Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                // the environment's KAFKA_* names, as an operator's Secret or ConfigMap would set them
                .withSources(new io.smallrye.config.EnvConfigSource(environment, 300))
                .build();
        return RelayProducer.producerConfig(config, Duration.ofSeconds(15));
    }

    @Test
    void securitySettingsOfTheServiceReachTheRelaysProducer() {
        Map<String, Object> props = producerConfig(Map.of(
                "kafka.bootstrap.servers", "rongtong-kafka-bootstrap:9093",
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.ssl.truststore.location", "/etc/kafka/ca.p12",
                "kafka.ssl.truststore.type", "PKCS12",
                "quarkus.application.name", "demand-service"), Map.of(
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"demand-service\" password=\"s3cret\";",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "changeit"));

        assertEquals("rongtong-kafka-bootstrap:9093", props.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        assertEquals("/etc/kafka/ca.p12", props.get("ssl.truststore.location"));
        assertEquals("PKCS12", props.get("ssl.truststore.type"));
        assertEquals("changeit", props.get("ssl.truststore.password"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"demand-service\" password=\"s3cret\";",
                props.get("sasl.jaas.config"));
        assertEquals("outbox-relay-demand-service", props.get(ProducerConfig.CLIENT_ID_CONFIG));
    }

    @Test
    void theRelaysGuaranteesCannotBeWeakenedAndConsumerSettingsStayOut() {
        Map<String, Object> props = producerConfig(Map.of(
                "kafka.bootstrap.servers", "localhost:9092",
                "kafka.acks", "1",
                "kafka.enable.idempotence", "false",
                "kafka.group.id", "someone",
                "kafka.value.serializer", "org.apache.kafka.common.serialization.StringSerializer"), Map.of());

        assertEquals("all", props.get(ProducerConfig.ACKS_CONFIG));
        assertEquals(true, props.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals(5, props.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION));
        assertEquals(15_000, props.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        assertFalse(props.containsKey("group.id"), "a consumer setting is no producer's");
        assertFalse(props.containsKey(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG), "the serializers are the relay's own");
    }
}

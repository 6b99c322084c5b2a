package org.rongtong.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads a topic from its beginning in tests, waiting a bounded time for the record a test expects. */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "probe-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    public static TopicProbe of(String topic) {
        return new TopicProbe(KafkaBrokerResource.bootstrapServers(), topic);
    }

    /** The first record (seen before or arriving within {@code timeout}) that matches. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                if (match.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No matching record within " + timeout + "; saw " + seen.size() + " record(s)");
            }
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
    }

    public ConsumerRecord<String, String> awaitKey(String key, String ceType, Duration timeout) {
        return await(r -> key.equals(r.key()) && ceType.equals(header(r, "ce_type")), timeout);
    }

    /** Every record seen so far, after polling for {@code quiet} more. */
    public List<ConsumerRecord<String, String>> drain(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Publishes a CloudEvent the way the outbox relay does, for consumer tests. */
    public static void publish(String topic, String key, String type, String data) {
        publish(topic, key, type, data, UUID.randomUUID().toString());
    }

    /** Publishes with a given CloudEvents id: the same id twice is how a redelivery looks to a consumer. */
    public static void publish(String topic, String key, String type, String data, String eventId) {
        publish(topic, key, type, data, eventId, Map.of());
    }

    /** With more headers, such as the {@code traceparent} the outbox relay sends for a traced writer. */
    public static void publish(String topic, String key, String type, String data, String eventId, Map<String, String> headers) {
        ProducerRecord<String, String> record = record(topic, key, type, data, eventId);
        headers.forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        publishTogether(List.of(record));
    }

    /** One test event as a producer would send it: the CloudEvents headers of Kafka's binary mode. */
    public static ProducerRecord<String, String> record(String topic, String key, String type, String data, String eventId) {
        var record = new ProducerRecord<>(topic, key, data);
        record.headers().add(new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("ce_id", eventId.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("ce_source", "/test".getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("ce_subject", key.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("content-type", "application/json".getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /**
     * Sends the records through one producer and one flush, so that they reach the broker together (a producer per
     * record takes a connection and a metadata round each, and lets a consumer see them seconds apart).
     */
    public static void publishTogether(List<ProducerRecord<String, String>> records) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", KafkaBrokerResource.bootstrapServers(),
                "acks", "all"), new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            records.forEach(r -> sent.add(producer.send(r)));
            producer.flush();
            for (var s : sent) {
                s.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish a test event", e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}

package org.rongtong.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.rongtong.events.CloudEventHeaders;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * A service's dead-letter topic (docs/adr/0012-retries-dead-letters-retention.md): created at startup with a long
 * retention (before the channels start, so the broker never auto-creates it with its short default), counted per source
 * topic in {@code rongtong_dead_letters_total}, read and replayed by operators. A replay sends the parked record back to
 * the topic it came from, with its key and CloudEvents headers: the consumers are idempotent, so the services that did
 * handle it the first time skip it.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String COUNTER = "rongtong.dead.letters";
    public static final String REPLAYED = "rongtong.dead.letters.replayed";
    public static final String REPLAYED_FROM = "rongtong-replayed-from";
    private static final String ORIGINAL_TOPIC = "dead-letter-topic";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final boolean enabled;
    private final String topic;
    private final Duration retention;
    private final int partitions;
    private final Map<String, Object> kafka;
    private KafkaProducer<String, String> producer;

    public DeadLetters(@ConfigProperty(name = "rongtong.dead-letters.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "rongtong.dead-letters.topic", defaultValue = "none") String topic,
            @ConfigProperty(name = "rongtong.dead-letters.retention", defaultValue = "365d") Duration retention,
            @ConfigProperty(name = "rongtong.dead-letters.partitions", defaultValue = "1") int partitions,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.enabled = enabled;
        this.topic = topic;
        this.retention = retention;
        this.partitions = partitions;
        this.kafka = kafka;
    }

    /** Counts a record parked for good (the channel's failure strategy or the consumer itself parks it). */
    public static void counted(String sourceTopic) {
        registry().counter(COUNTER, "topic", sourceTopic).increment();
    }

    private static MeterRegistry registry() {
        var container = Arc.container();
        if (container != null) {
            var bean = container.instance(MeterRegistry.class);
            if (bean.isAvailable()) {
                return bean.get();
            }
        }
        return Metrics.globalRegistry;
    }

    public String topic() {
        return topic;
    }

    /** Before the Kafka connector starts the channels (it observes startup at LIBRARY_BEFORE). */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        // every consumed topic shows on /q/metrics from the start, at 0 until something is parked
        MeterRegistry registry = registry();
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic")) {
                ConfigProvider.getConfig().getOptionalValue(name, String.class)
                        .ifPresent(source -> registry.counter(COUNTER, "topic", source));
            }
        }
        ensureTopic();
    }

    synchronized void onStop(@Observes ShutdownEvent ignored) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private void ensureTopic() {
        String retentionMs = Long.toString(retention.toMillis());
        try (Admin admin = Admin.create(new HashMap<>(kafka))) {
            NewTopic wanted = new NewTopic(topic, Optional.of(partitions), Optional.empty())
                    .configs(Map.of("retention.ms", retentionMs, "cleanup.policy", "delete"));
            try {
                admin.createTopics(List.of(wanted)).all().get(30, TimeUnit.SECONDS);
                LOG.infof("Dead-letter topic %s created (retention %s)", topic, retention);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // created earlier (or auto-created by an older version): make sure it keeps records as long as we say
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                admin.incrementalAlterConfigs(Map.of(resource, List.of(
                        new AlterConfigOp(new ConfigEntry("retention.ms", retentionMs), AlterConfigOp.OpType.SET),
                        new AlterConfigOp(new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET))))
                        .all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the broker unreachable at startup stops the consumers too; they recover when it is back, so does not this
            LOG.warnf(e, "Could not create the dead-letter topic %s; it is created on the next start", topic);
        }
    }

    /** One parked record, with where it came from and why it was parked. */
    public record DeadLetter(int partition, long offset, Instant parkedAt, String topic, Integer sourcePartition, Long sourceOffset,
            String key, String eventId, String eventType, String reason, String cause, String value) {
    }

    /** The records held (the topic's retention decides how long), the newest first. */
    public record Page(long total, List<DeadLetter> items) {
    }

    public record Replayed(String topic, int partition, long offset) {
    }

    /** The newest {@code limit} records of the dead-letter topic and how many it holds in all. */
    public Page list(int limit) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> parts = partitions(consumer);
            if (parts.isEmpty()) {
                return new Page(0, List.of());
            }
            consumer.assign(parts);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long total = 0;
            for (TopicPartition tp : parts) {
                total += end.get(tp) - begin.get(tp);
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - limit));
            }
            List<DeadLetter> items = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> items.add(view(r)));
            }
            items.sort(Comparator.comparing(DeadLetter::parkedAt).thenComparing(DeadLetter::offset).reversed());
            return new Page(total, items.size() > limit ? items.subList(0, limit) : items);
        }
    }

    public Optional<DeadLetter> find(int partition, long offset) {
        return record(partition, offset).map(DeadLetters::view);
    }

    /** Sends the parked record back to its topic; empty when there is no such record. */
    public Optional<Replayed> replay(int partition, long offset) throws Exception {
        Optional<ConsumerRecord<String, String>> found = record(partition, offset);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConsumerRecord<String, String> parked = found.get();
        String original = header(parked, ORIGINAL_TOPIC);
        if (original == null) {
            throw new IllegalStateException("The record names no topic it came from (no " + ORIGINAL_TOPIC + " header)");
        }
        ProducerRecord<String, String> again = new ProducerRecord<>(original, parked.key(), parked.value());
        for (Header h : parked.headers()) {
            if (!h.key().startsWith("dead-letter-") && !h.key().equals(REPLAYED_FROM)) {
                again.headers().add(h);
            }
        }
        again.headers().add(REPLAYED_FROM, (topic + "-" + partition + "@" + offset).getBytes(StandardCharsets.UTF_8));
        RecordMetadata sent = producer().send(again).get(30, TimeUnit.SECONDS);
        registry().counter(REPLAYED, "topic", original).increment();
        LOG.infof("Dead letter %s-%d@%d replayed to %s-%d@%d", topic, partition, offset, original, sent.partition(), sent.offset());
        return Optional.of(new Replayed(original, sent.partition(), sent.offset()));
    }

    private Optional<ConsumerRecord<String, String>> record(int partition, long offset) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            if (!partitions(consumer).contains(tp)) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            long begin = consumer.beginningOffsets(List.of(tp)).get(tp);
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return Optional.of(r);
                    }
                    if (r.offset() > offset) {
                        return Optional.empty(); // a transaction marker stood there
                    }
                }
            }
            return Optional.empty();
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.remove("group.id");
        config.put("enable.auto.commit", "false");
        config.put("allow.auto.create.topics", "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(kafka);
            config.put("acks", "all");
            config.put("enable.idempotence", "true");
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private static DeadLetter view(ConsumerRecord<String, String> r) {
        return new DeadLetter(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), header(r, ORIGINAL_TOPIC),
                number(header(r, "dead-letter-partition")) == null ? null : number(header(r, "dead-letter-partition")).intValue(),
                number(header(r, "dead-letter-offset")), r.key(), header(r, CloudEventHeaders.ID), header(r, CloudEventHeaders.TYPE),
                header(r, "dead-letter-reason"), header(r, "dead-letter-cause"), r.value());
    }

    private static Long number(String s) {
        try {
            return s == null ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}

package org.rongtong.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.rongtong.events.CloudEventHeaders;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the outbox to Kafka as CloudEvents (binary mode) and deletes rows only after the broker
 * acknowledged them ({@code acks=all}, idempotent producer): at-least-once, in outbox order.
 *
 * <p>It runs on one dedicated thread with its own JDBC connection, so blocking I/O never touches an
 * event loop. It wakes on the {@code NOTIFY} that an outbox insert sends at commit, and polls as a
 * fallback. A transaction-scoped advisory lock lets only one replica publish at a time, which keeps
 * each aggregate's events in order across replicas.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CHANNEL = "rongtong_outbox";
    private static final String SELECT_BATCH = """
            SELECT id, event_id, topic, record_key, type, source, subject, payload, occurred_at, traceparent, tracestate
            FROM outbox_event ORDER BY id LIMIT ?""";

    private final OutboxRelayConfig config;
    private final Config mpConfig;
    private final Event<OutboxPublished> publishedEvents;
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running;
    private volatile String lastError;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelay(OutboxRelayConfig config, Config mpConfig, Event<OutboxPublished> publishedEvents) {
        this.config = config;
        this.mpConfig = mpConfig;
        this.publishedEvents = publishedEvents;
    }

    void onStart(@Observes StartupEvent ignored) {
        if (config.enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent ignored) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Events this process has published since it started. */
    public long publishedCount() {
        return published.get();
    }

    /** The last failure, or null when the last round succeeded. */
    public String lastError() {
        return lastError;
    }

    private void run() {
        Duration backoff = config.initialBackoff();
        Connection connection = null;
        while (running) {
            try {
                if (connection == null || connection.isClosed()) {
                    connection = openListeningConnection();
                }
                int count = publishBatch(connection);
                lastError = null;
                backoff = config.initialBackoff();
                if (count < config.batchSize()) {
                    // drain notifications, waiting for the next commit at most one poll interval
                    connection.unwrap(PGConnection.class).getNotifications((int) config.pollInterval().toMillis());
                }
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                lastError = e.toString();
                LOG.warnf(e, "Outbox relay round failed, retrying in %s ms", backoff.toMillis());
                closeProducer();
                connection = closeQuietly(connection);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff.multipliedBy(2);
            }
        }
        closeQuietly(connection);
        closeProducer();
    }

    private int publishBatch(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        try {
            if (!tryLock(connection)) {
                connection.rollback();
                return 0;
            }
            List<Long> ids = new ArrayList<>();
            List<OutboxPublished.Event> events = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT_BATCH)) {
                select.setInt(1, config.batchSize());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong("id"));
                        ProducerRecord<String, byte[]> record = toRecord(rs);
                        // the bytes sent are the bytes reported: nothing decoded for counters that rarely read them
                        events.add(new OutboxPublished.Event(record.topic(), rs.getString("type"), record.value()));
                        acks.add(producer().send(record));
                    }
                }
            }
            if (ids.isEmpty()) {
                connection.rollback();
                return 0;
            }
            producer().flush();
            long deadline = System.nanoTime() + config.deliveryTimeout().toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
                Array array = connection.createArrayOf("bigint", ids.toArray());
                delete.setArray(1, array);
                delete.executeUpdate();
            }
            connection.commit();
            published.addAndGet(ids.size());
            published(events);
            return ids.size();
        } catch (Exception e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is replaced after a failure anyway
            }
            throw e;
        }
    }

    /** Tells the service's metrics what left the outbox; a failing observer must not make the round look failed. */
    private void published(List<OutboxPublished.Event> events) {
        try {
            publishedEvents.fire(new OutboxPublished(events));
        } catch (RuntimeException e) {
            LOG.warnf(e, "An observer of published outbox events failed");
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_try_advisory_xact_lock(hashtext('rongtong-outbox-relay'))")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static ProducerRecord<String, byte[]> toRecord(ResultSet rs) throws SQLException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(rs.getString("topic"), rs.getString("record_key"),
                payload(rs));
        String time = DateTimeFormatter.ISO_INSTANT.format(rs.getTimestamp("occurred_at").toInstant());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, rs.getString("event_id"));
        header(record, CloudEventHeaders.SOURCE, rs.getString("source"));
        header(record, CloudEventHeaders.TYPE, rs.getString("type"));
        header(record, CloudEventHeaders.SUBJECT, rs.getString("subject"));
        header(record, CloudEventHeaders.TIME, time);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        // the writer's trace: the consumer's span continues it (ADR traces-across-kafka)
        String traceparent = rs.getString("traceparent");
        if (traceparent != null) {
            header(record, CloudEventHeaders.TRACEPARENT, traceparent);
            String tracestate = rs.getString("tracestate");
            if (tracestate != null) {
                header(record, CloudEventHeaders.TRACESTATE, tracestate);
            }
        }
        return record;
    }

    /** The payload as the database sent it: a text column arrives as UTF-8 bytes, so nothing is decoded and encoded again. */
    private static byte[] payload(ResultSet rs) throws SQLException {
        return rs.getBytes("payload");
    }

    private static void header(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(mpConfig, config.deliveryTimeout()), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
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

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (Exception ignored) {
                // replaced by a fresh producer on the next round
            }
            producer = null;
        }
    }

    private Connection openListeningConnection() throws SQLException {
        String url = mpConfig.getValue("quarkus.datasource.jdbc.url", String.class);
        Properties props = new Properties();
        mpConfig.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> props.setProperty("user", u));
        mpConfig.getOptionalValue("quarkus.datasource.password", String.class)
                .filter(p -> !p.isEmpty()).ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "outbox-relay");
        Connection connection = DriverManager.getConnection(url, props);
        try (Statement s = connection.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
        }
        return connection;
    }

    private static Connection closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
        return null;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

package org.rongtong.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One round of the relay, in one transaction: take the advisory lock (one replica publishes at a time, which keeps each
 * aggregate's events in order across replicas), read a batch in outbox order, send it, wait for every acknowledgement,
 * then delete the rows and commit. Nothing is deleted that the broker did not acknowledge.
 */
final class RelayRound {

    private static final String SELECT_BATCH = "SELECT " + OutboxRecords.COLUMNS + " FROM outbox_event ORDER BY id LIMIT ?";
    private static final String DELETE_BATCH = "DELETE FROM outbox_event WHERE id = ANY (?)";

    private final OutboxRelayConfig config;
    private final RelayProducer producer;

    RelayRound(OutboxRelayConfig config, RelayProducer producer) {
        this.config = config;
        this.producer = producer;
    }

    /** The events published and removed: none when another replica holds the lock or nothing waits. */
    List<OutboxPublished.Event> publishBatch(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        try {
            if (!tryLock(connection)) {
                connection.rollback();
                return List.of();
            }
            List<Long> ids = new ArrayList<>();
            List<OutboxPublished.Event> events = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT_BATCH)) {
                select.setInt(1, config.batchSize());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong("id"));
                        ProducerRecord<String, byte[]> record = OutboxRecords.toRecord(rs);
                        // the bytes sent are the bytes reported: nothing decoded for counters that rarely read them
                        events.add(new OutboxPublished.Event(record.topic(), rs.getString("type"), record.value()));
                        acks.add(producer.get().send(record));
                    }
                }
            }
            if (ids.isEmpty()) {
                connection.rollback();
                return List.of();
            }
            producer.get().flush();
            long deadline = System.nanoTime() + config.deliveryTimeout().toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            try (PreparedStatement delete = connection.prepareStatement(DELETE_BATCH)) {
                Array array = connection.createArrayOf("bigint", ids.toArray());
                delete.setArray(1, array);
                delete.executeUpdate();
            }
            connection.commit();
            return events;
        } catch (Exception e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is replaced after a failure anyway
            }
            throw e;
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_try_advisory_xact_lock(hashtext('rongtong-outbox-relay'))")) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}

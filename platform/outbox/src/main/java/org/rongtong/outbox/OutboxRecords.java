package org.rongtong.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.rongtong.events.CloudEventHeaders;

/** An outbox row as the Kafka record the relay sends: a CloudEvent in binary mode, the writer's trace in its headers. */
final class OutboxRecords {

    /** The columns {@link #toRecord} reads, in the relay's query. */
    static final String COLUMNS = "id, event_id, topic, record_key, type, source, subject, payload, occurred_at, traceparent, tracestate";

    private OutboxRecords() {
    }

    static ProducerRecord<String, byte[]> toRecord(ResultSet rs) throws SQLException {
        // the payload as the database sent it: a text column arrives as UTF-8 bytes, so nothing is decoded and encoded again
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(rs.getString("topic"), rs.getString("record_key"),
                rs.getBytes("payload"));
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

    private static void header(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

package org.rongtong.matching.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rongtong.matching.model.Candidate;

import io.smallrye.mutiny.Uni;

/**
 * The projection's watermark (docs/adr/0023-replicas-that-agree.md): per topic and partition, the last offset whose
 * event the database has applied, written in the handling transaction, so it is exactly as far as the committed rows.
 */
@ApplicationScoped
public class Watermarks {

    /** One partition's watermark: the last offset applied, the record's own time and when it was applied. */
    public record Mark(long offset, Instant recordTime, Instant appliedAt) {
    }

    /** Moves the watermark to this record, never back (a record delivered again after a rebalance is older). */
    public Uni<Void> advance(ConsumerRecord<?, ?> record) {
        return Candidate.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO projection_watermark (topic, partition, last_offset, record_time, applied_at)
                VALUES (:topic, :partition, :offset, :time, now())
                ON CONFLICT (topic, partition) DO UPDATE SET last_offset = EXCLUDED.last_offset,
                    record_time = EXCLUDED.record_time, applied_at = EXCLUDED.applied_at
                WHERE projection_watermark.last_offset < EXCLUDED.last_offset""")
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("offset", record.offset())
                .setParameter("time", OffsetDateTime.ofInstant(Instant.ofEpochMilli(Math.max(0, record.timestamp())), ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    /** The topic's watermark by partition (in the caller's session and transaction). */
    public Uni<Map<Integer, Mark>> of(String topic) {
        return Candidate.getSession().chain(session -> session.createNativeQuery(
                "SELECT partition, last_offset, record_time, applied_at FROM projection_watermark WHERE topic = :topic", Object[].class)
                .setParameter("topic", topic)
                .getResultList())
                .map(Watermarks::byPartition);
    }

    private static Map<Integer, Mark> byPartition(List<Object[]> rows) {
        Map<Integer, Mark> marks = new TreeMap<>();
        for (Object[] r : rows) {
            marks.put(((Number) r[0]).intValue(), new Mark(((Number) r[1]).longValue(), instant(r[2]), instant(r[3])));
        }
        return marks;
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return value instanceof java.time.LocalDateTime l ? l.toInstant(ZoneOffset.UTC) : null;
    }
}

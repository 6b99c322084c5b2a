package org.rongtong.matching.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventTypes;
import org.rongtong.matching.service.ReplicaIndex;
import org.rongtong.messaging.CloudEvent;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * registry.enterprises.v1 once more, on this replica's own consumer group (channel {@code enterprise-index}), for its
 * in-memory index only (docs/adr/0023-replicas-that-agree.md). Where it starts reading is set by {@code IndexStart}; it
 * commits nothing. A record it cannot read is skipped here: the shared consumer ({@link IncomingEvents}) parks it.
 */
@ApplicationScoped
public class IndexFeed {

    private static final Logger LOG = Logger.getLogger(IndexFeed.class);

    private final ReplicaIndex index;

    public IndexFeed(ReplicaIndex index) {
        this.index = index;
    }

    /** A poll at a time: one refresh of the index per poll, not one per record (ReplicaIndex.apply). */
    @Incoming("enterprise-index")
    @Blocking
    public void onEnterpriseEvents(ConsumerRecords<String, String> records) {
        List<ReplicaIndex.Read> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            EnterpriseSnapshot snapshot = null;
            try {
                snapshot = snapshotOf(record);
            } catch (RuntimeException unreadable) {
                LOG.warnf("Index: skipped unreadable record %s-%d@%d (%s)", record.topic(), record.partition(), record.offset(), unreadable.getMessage());
            }
            batch.add(new ReplicaIndex.Read(snapshot, record.partition(), record.offset(), Instant.ofEpochMilli(Math.max(0, record.timestamp()))));
        }
        index.apply(batch);
    }

    /**
     * The enterprise a record of registry.enterprises.v1 carries, or null for another event type or one holding values
     * this service does not know yet (skipped, CloudEvent#dataAs); throws if unreadable.
     */
    static EnterpriseSnapshot snapshotOf(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.of(record);
        return EventTypes.ENTERPRISE_TYPES.contains(event.type()) ? event.dataAs(EnterpriseSnapshot.class).orElse(null) : null;
    }
}

package org.rongtong.demand.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rongtong.demand.service.EnterpriseProjection;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventTypes;
import org.rongtong.messaging.BatchConsumer;
import org.rongtong.messaging.CloudEvent;

import io.smallrye.mutiny.Uni;

/**
 * The registry's enterprise events, a poll's worth at a time in one transaction: one per event kept demand-service
 * minutes behind a bulk import of 100,000, so that a chain leader registered just after it could not publish yet
 * (docs/adr/0034-matching-memory-and-batched-ranking.md). Unreadable records and failures are handled as
 * {@link BatchConsumer} handles them for every batch consumer.
 */
@ApplicationScoped
public class EnterpriseEventsConsumer {

    private final BatchConsumer<EnterpriseSnapshot> consumer;

    public EnterpriseEventsConsumer(EnterpriseProjection projection, @Channel("enterprises-dlq") Emitter<String> deadLetters) {
        this.consumer = new BatchConsumer<>("enterprise event(s)", deadLetters, EnterpriseEventsConsumer::read, projection::applyAll,
                projection::apply);
    }

    @Incoming("enterprises")
    public Uni<Void> onEnterpriseEvents(ConsumerRecords<String, String> records) {
        return consumer.consume(records);
    }

    /** The enterprise a record carries (null: another type, or values this service does not know yet). */
    private static EnterpriseSnapshot read(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.of(record);
        return EventTypes.ENTERPRISE_TYPES.contains(event.type()) ? event.dataAs(EnterpriseSnapshot.class).orElse(null) : null;
    }
}

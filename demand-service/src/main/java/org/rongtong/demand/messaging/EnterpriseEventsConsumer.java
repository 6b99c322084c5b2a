package org.rongtong.demand.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rongtong.demand.service.EnterpriseProjection;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventTypes;
import org.rongtong.messaging.EventRetry;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EnterpriseEventsConsumer {

    private final EnterpriseProjection projection;

    public EnterpriseEventsConsumer(EnterpriseProjection projection) {
        this.projection = projection;
    }

    @Incoming("enterprises")
    public Uni<Void> onEnterpriseEvent(ConsumerRecord<String, String> record) {
        return EventRetry.handleEvent(record, EventTypes.ENTERPRISE_TYPES, EnterpriseSnapshot.class,
                (event, snapshot) -> projection.apply(snapshot));
    }
}

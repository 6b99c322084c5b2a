package org.rongtong.demand.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rongtong.demand.service.EnterpriseProjection;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventTypes;
import org.rongtong.messaging.BoundedRetry;
import org.rongtong.messaging.CloudEvent;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EnterpriseEventsConsumer {

    private final EnterpriseProjection projection;

    public EnterpriseEventsConsumer(EnterpriseProjection projection) {
        this.projection = projection;
    }

    @Incoming("enterprises")
    public Uni<Void> onEnterpriseEvent(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.of(record);
        if (!EventTypes.ENTERPRISE_TYPES.contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        EnterpriseSnapshot snapshot = event.dataAs(EnterpriseSnapshot.class);
        return BoundedRetry.handle(() -> projection.apply(snapshot));
    }
}

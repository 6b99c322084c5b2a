package org.rongtong.matching.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventTypes;
import org.rongtong.matching.service.MatchingService;
import org.rongtong.messaging.BoundedRetry;
import org.rongtong.messaging.CloudEvent;

import io.smallrye.mutiny.Uni;

/** The enterprise and demand events that matching-service keeps its projections and matches from. */
@ApplicationScoped
public class IncomingEvents {

    private final MatchingService matching;

    public IncomingEvents(MatchingService matching) {
        this.matching = matching;
    }

    @Incoming("enterprises")
    public Uni<Void> onEnterpriseEvent(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.of(record);
        if (!EventTypes.ENTERPRISE_TYPES.contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        EnterpriseSnapshot snapshot = event.dataAs(EnterpriseSnapshot.class);
        return BoundedRetry.handle(() -> matching.onEnterprise(snapshot));
    }

    @Incoming("demands")
    public Uni<Void> onDemandEvent(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.of(record);
        if (!EventTypes.DEMAND_TYPES.contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        DemandSnapshot snapshot = event.dataAs(DemandSnapshot.class);
        return BoundedRetry.handle(() -> matching.onDemand(snapshot));
    }
}

package org.rongtong.matching.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventTypes;
import org.rongtong.matching.service.MatchingService;
import org.rongtong.messaging.BoundedRetry;

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
        return BoundedRetry.handleEvent(record, EventTypes.ENTERPRISE_TYPES, EnterpriseSnapshot.class,
                (event, snapshot) -> matching.onEnterprise(snapshot));
    }

    @Incoming("demands")
    public Uni<Void> onDemandEvent(ConsumerRecord<String, String> record) {
        return BoundedRetry.handleEvent(record, EventTypes.DEMAND_TYPES, DemandSnapshot.class,
                (event, snapshot) -> matching.onDemand(snapshot));
    }
}

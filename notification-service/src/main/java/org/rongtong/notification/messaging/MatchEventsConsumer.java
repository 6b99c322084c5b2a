package org.rongtong.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rongtong.events.DemandMatched;
import org.rongtong.events.EventTypes;
import org.rongtong.messaging.BoundedRetry;
import org.rongtong.messaging.CloudEvent;
import org.rongtong.notification.service.InboxService;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MatchEventsConsumer {

    private final InboxService inbox;

    public MatchEventsConsumer(InboxService inbox) {
        this.inbox = inbox;
    }

    @Incoming("matches")
    public Uni<Void> onMatchEvent(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.of(record);
        if (!EventTypes.DEMAND_MATCHED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        DemandMatched matched = event.dataAs(DemandMatched.class);
        return BoundedRetry.handle(() -> inbox.onDemandMatched(event.id(), matched));
    }
}

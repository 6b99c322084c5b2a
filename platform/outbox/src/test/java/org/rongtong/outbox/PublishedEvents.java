package org.rongtong.outbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** What a service's metrics would see: every event the relay reports as published. */
@ApplicationScoped
public class PublishedEvents {

    private final List<OutboxPublished.Event> seen = new CopyOnWriteArrayList<>();

    void onPublished(@Observes OutboxPublished round) {
        seen.addAll(round.events());
    }

    List<OutboxPublished.Event> seen() {
        return seen;
    }
}

package org.rongtong.outbox;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The events of one relay round, fired (a synchronous CDI event) after the broker acknowledged them and their rows left
 * the outbox. An event is in the outbox only if its business transaction committed, so a service that counts its
 * business facts from these never counts a rolled-back write (docs/adr, metrics-on-management-port).
 */
public record OutboxPublished(List<Event> events) {

    /** One published event: its topic, CloudEvents type and JSON data as sent (UTF-8). */
    public record Event(String topic, String type, byte[] payload) {

        public String payloadText() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** How many of the round's events have this CloudEvents type. */
    public long count(String type) {
        return events.stream().filter(e -> e.type().equals(type)).count();
    }
}

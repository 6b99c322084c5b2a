package org.rongtong.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Writes an event into the outbox within the caller's current Hibernate Reactive transaction, so that the
 * event exists exactly when the change it describes is committed. Call it from a {@code @WithTransaction} use case.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;

    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param topic       the owning service's topic
     * @param type        the CloudEvents type
     * @param source      the CloudEvents source (the service)
     * @param aggregateId record key and CloudEvents subject: one aggregate's events stay in order
     * @param data        the event data, serialised as JSON
     */
    public Uni<OutboxEvent> append(String topic, String type, String source, Object aggregateId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UuidV7.next();
        event.topic = topic;
        event.type = type;
        event.source = source;
        event.recordKey = aggregateId.toString();
        event.subject = aggregateId.toString();
        event.occurredAt = Instant.now();
        try {
            event.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event data is not serialisable: " + type, e));
        }
        return event.<OutboxEvent>persist();
    }

    /** A fresh, time-ordered event id. */
    public static UUID newEventId() {
        return UuidV7.next();
    }
}

package org.rongtong.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.ids.UuidV7;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes an event into the outbox within the caller's current Hibernate Reactive transaction, so that the
 * event exists exactly when the change it describes is committed. Call it from a {@code @WithTransaction} use case.
 */
@ApplicationScoped
public class Outbox {

    private static final int BULK_CHUNK = 500;
    private static final int COLUMNS = 10;

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
        // the caller's trace (the REST call, the consumed record) travels with the event: the relay sends it as headers
        return append(topic, type, source, aggregateId, data, TraceContext.current());
    }

    /**
     * With the trace named: a batch consumer handles many records in one call, none of whose traces is current, so it
     * passes each record's own.
     */
    public Uni<OutboxEvent> append(String topic, String type, String source, Object aggregateId, Object data, TraceContext trace) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UuidV7.next();
        event.topic = topic;
        event.type = type;
        event.source = source;
        event.recordKey = aggregateId.toString();
        event.subject = aggregateId.toString();
        event.occurredAt = Instant.now();
        event.traceparent = trace.traceparent();
        event.tracestate = trace.tracestate();
        try {
            event.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event data is not serialisable: " + type, e));
        }
        return event.<OutboxEvent>persist();
    }

    /** One event of a bulk append. */
    public record Pending(String topic, String type, String source, Object aggregateId, Object data) {
    }

    /**
     * Appends many events with one multi-row insert per 500, in the caller's transaction and in list order: what a
     * bulk import needs, where one insert per event would dominate the time.
     */
    public Uni<Void> appendAll(List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<List<Pending>> chunks = new ArrayList<>();
        for (int i = 0; i < events.size(); i += BULK_CHUNK) {
            chunks.add(events.subList(i, Math.min(events.size(), i + BULK_CHUNK)));
        }
        // read now, on the caller's context: the chunks are inserted later in the chain
        TraceContext trace = TraceContext.current();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<Pending> chunk : chunks) {
            chain = chain.chain(() -> insert(chunk, trace));
        }
        return chain;
    }

    private Uni<Void> insert(List<Pending> chunk, TraceContext trace) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO outbox_event (event_id, topic, record_key, type, source, subject, payload, occurred_at, traceparent, tracestate) VALUES ");
        for (int i = 0; i < chunk.size(); i++) {
            int p = i * COLUMNS;
            sql.append(i == 0 ? "" : ",").append('(');
            for (int c = 1; c <= COLUMNS; c++) {
                sql.append(c == 1 ? "?" : ",?").append(p + c);
            }
            sql.append(')');
        }
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                Pending e = chunk.get(i);
                int p = i * COLUMNS;
                query.setParameter(p + 1, UuidV7.next());
                query.setParameter(p + 2, e.topic());
                query.setParameter(p + 3, e.aggregateId().toString());
                query.setParameter(p + 4, e.type());
                query.setParameter(p + 5, e.source());
                query.setParameter(p + 6, e.aggregateId().toString());
                query.setParameter(p + 7, json(e.data(), e.type()));
                query.setParameter(p + 8, now);
                query.setParameter(p + 9, trace.traceparent());
                query.setParameter(p + 10, trace.tracestate());
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private String json(Object data, String type) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not serialisable: " + type, e);
        }
    }
}

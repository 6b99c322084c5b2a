package org.rongtong.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One event waiting in the outbox for the relay. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The W3C trace context of the transaction that wrote the event; null when tracing is off. */
    public String traceparent;

    public String tracestate;
}

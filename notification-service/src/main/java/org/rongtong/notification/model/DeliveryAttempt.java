package org.rongtong.notification.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One HTTP attempt of a delivery, for the delivery log. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    public int attempt;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "latency_ms")
    public long latencyMs;

    @Column(name = "attempted_at")
    public Instant attemptedAt;
}

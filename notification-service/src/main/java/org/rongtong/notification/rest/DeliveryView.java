package org.rongtong.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record DeliveryView(
        UUID id,
        String eventId,
        String eventType,
        String aggregateId,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Long lastLatencyMs,
        Instant createdAt,
        Instant deliveredAt,
        List<Attempt> log) {

    public record Attempt(int attempt, Integer statusCode, String error, long latencyMs, Instant at) {
    }
}

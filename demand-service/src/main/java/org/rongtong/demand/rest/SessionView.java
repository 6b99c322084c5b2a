package org.rongtong.demand.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.rongtong.events.SessionStatus;

public record SessionView(
        UUID id,
        long version,
        String name,
        LocalDate date,
        String regionCode,
        String venue,
        List<String> chains,
        List<UUID> participantIds,
        List<UUID> demandIds,
        SessionStatus status,
        String organiser,
        Instant scheduledAt,
        Instant updatedAt) {
}

package org.rongtong.notification.rest;

import java.time.Instant;
import java.util.UUID;

public record NotificationView(
        UUID id,
        String recipientKind,
        UUID enterpriseId,
        String regionCode,
        String eventType,
        UUID demandId,
        String title,
        String body,
        Instant createdAt,
        Instant readAt) {
}

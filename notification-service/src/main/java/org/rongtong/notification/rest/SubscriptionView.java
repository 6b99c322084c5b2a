package org.rongtong.notification.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A subscription; {@code secret} is present only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(
        UUID id,
        String url,
        String description,
        SubscriptionFilter filter,
        String status,
        int consecutiveFailures,
        String ownerKind,
        UUID ownerEnterpriseId,
        String ownerRegion,
        Instant previousSecretValidUntil,
        Instant createdAt,
        String secret) {
}

package org.rongtong.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A subscription; {@code secret} is present only in the answer to its creation. {@code owner} is who may manage it
 * (role:subject); the owner fields are the view it was created with, which limits what it receives.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(
        UUID id,
        String url,
        String description,
        SubscriptionFilter filter,
        String status,
        int consecutiveFailures,
        String owner,
        String ownerRole,
        UUID ownerEnterpriseId,
        List<String> ownerGrantedEnterprises,
        String ownerRegion,
        Instant previousSecretValidUntil,
        Instant createdAt,
        String secret) {
}

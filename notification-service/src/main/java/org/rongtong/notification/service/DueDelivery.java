package org.rongtong.notification.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.rongtong.outbox.TraceContext;

/**
 * A delivery ready to send: read by a claim, or handed over by the consumer that has just committed it. The secrets are
 * already opened (plain text), since the sender signs with them.
 */
public record DueDelivery(UUID id, UUID subscriptionId, String eventId, String payload, String url, String secret,
        String previousSecret, OffsetDateTime previousSecretUntil, TraceContext trace) {
}

package org.rongtong.notification.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What filters and scopes look at in an event, whatever its type: where it lands, on which chain and field, and which
 * enterprises it concerns. The CloudEvent itself goes out as it came in.
 */
public record EventFacts(
        String eventId,
        String type,
        String source,
        String subject,
        Instant time,
        String data,
        String regionCode,
        String chain,
        String field,
        Set<UUID> enterprises) {
}

package org.rongtong.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The full state of an enterprise after a change, carried by every enterprise event (event-carried state).
 * Contact details are personal data and never travel in events.
 */
public record EnterpriseSnapshot(
        UUID id,
        long version,
        String name,
        String creditCode,
        EnterpriseKind kind,
        String tier,
        String regionCode,
        List<String> chains,
        List<String> capabilities,
        String description,
        Map<CooperationField, Willingness> willingness,
        boolean active,
        Instant registeredAt,
        Instant updatedAt) {
}

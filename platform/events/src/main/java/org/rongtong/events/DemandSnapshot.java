package org.rongtong.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The full state of a demand after a change, carried by every demand event. */
public record DemandSnapshot(
        UUID id,
        long version,
        UUID publisherId,
        CooperationField field,
        String chain,
        String title,
        String description,
        List<String> requiredCapabilities,
        List<String> regionCodes,
        BigDecimal budgetMin,
        BigDecimal budgetMax,
        Instant deadline,
        DemandStatus status,
        Instant publishedAt,
        Instant updatedAt) {
}

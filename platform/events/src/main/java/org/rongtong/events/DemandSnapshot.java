package org.rongtong.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The full state of a demand after a change, carried by every demand event. The contact person is personal data
 * and never travels in events.
 */
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
        Instant updatedAt,
        String specification,
        BigDecimal quantity,
        String quantityUnit) {

    /** The snapshot as first published, before specification and quantity were added (optional, null here). */
    public DemandSnapshot(UUID id, long version, UUID publisherId, CooperationField field, String chain, String title,
            String description, List<String> requiredCapabilities, List<String> regionCodes, BigDecimal budgetMin,
            BigDecimal budgetMax, Instant deadline, DemandStatus status, Instant publishedAt, Instant updatedAt) {
        this(id, version, publisherId, field, chain, title, description, requiredCapabilities, regionCodes, budgetMin,
                budgetMax, deadline, status, publishedAt, updatedAt, null, null, null);
    }
}

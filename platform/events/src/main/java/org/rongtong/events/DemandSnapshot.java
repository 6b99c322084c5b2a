package org.rongtong.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The full state of a demand after a change, carried by every demand event. The contact person is personal data
 * and never travels in events. The fields after {@code updatedAt} were added within v1 and are optional: a consumer
 * must accept them missing or null ({@code preferences} null means the demand states none).
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
        String quantityUnit,
        DemandPreferences preferences) {

    /** The snapshot as first published, before specification and quantity were added (optional, null here). */
    public DemandSnapshot(UUID id, long version, UUID publisherId, CooperationField field, String chain, String title,
            String description, List<String> requiredCapabilities, List<String> regionCodes, BigDecimal budgetMin,
            BigDecimal budgetMax, Instant deadline, DemandStatus status, Instant publishedAt, Instant updatedAt) {
        this(id, version, publisherId, field, chain, title, description, requiredCapabilities, regionCodes, budgetMin,
                budgetMax, deadline, status, publishedAt, updatedAt, null, null, null, null);
    }

    /** The snapshot with specification and quantity, before preferences were added (optional, null here). */
    public DemandSnapshot(UUID id, long version, UUID publisherId, CooperationField field, String chain, String title,
            String description, List<String> requiredCapabilities, List<String> regionCodes, BigDecimal budgetMin,
            BigDecimal budgetMax, Instant deadline, DemandStatus status, Instant publishedAt, Instant updatedAt,
            String specification, BigDecimal quantity, String quantityUnit) {
        this(id, version, publisherId, field, chain, title, description, requiredCapabilities, regionCodes, budgetMin,
                budgetMax, deadline, status, publishedAt, updatedAt, specification, quantity, quantityUnit, null);
    }
}

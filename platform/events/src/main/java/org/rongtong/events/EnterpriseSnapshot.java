package org.rongtong.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The full state of an enterprise after a change, carried by every enterprise event (event-carried state).
 * Contact details are personal data and never travel in events. The fields after {@code updatedAt} were added
 * within v1 and are optional: a consumer must accept them missing.
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
        Instant updatedAt,
        String englishName,
        String tierLevel,
        Integer tierYear,
        LocalDate tierValidUntil,
        String products,
        List<String> certifications,
        Integer employees,
        BigDecimal revenue,
        Integer yearFounded) {

    /** The first version of the contract, without the optional profile fields. */
    public EnterpriseSnapshot(UUID id, long version, String name, String creditCode, EnterpriseKind kind, String tier,
            String regionCode, List<String> chains, List<String> capabilities, String description,
            Map<CooperationField, Willingness> willingness, boolean active, Instant registeredAt, Instant updatedAt) {
        this(id, version, name, creditCode, kind, tier, regionCode, chains, capabilities, description, willingness, active,
                registeredAt, updatedAt, null, null, null, null, null, List.of(), null, null, null);
    }
}

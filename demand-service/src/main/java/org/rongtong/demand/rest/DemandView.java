package org.rongtong.demand.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandStatus;

public record DemandView(
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

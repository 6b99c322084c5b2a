package org.rongtong.registry.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;

public record EnterpriseView(
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

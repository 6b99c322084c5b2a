package org.rongtong.registry.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An enterprise as the API shows it; {@code contacts} is left out unless the caller may see personal data. */
public record EnterpriseView(
        UUID id,
        long version,
        String name,
        String englishName,
        String creditCode,
        EnterpriseKind kind,
        String tier,
        String tierLevel,
        Integer tierYear,
        LocalDate tierValidUntil,
        String regionCode,
        List<String> chains,
        List<String> capabilities,
        String description,
        String products,
        List<String> certifications,
        Map<CooperationField, Willingness> willingness,
        Integer employees,
        BigDecimal revenue,
        Integer yearFounded,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ContactDto> contacts,
        boolean active,
        Instant registeredAt,
        Instant updatedAt) {
}

package org.rongtong.demand.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rongtong.demand.rest.PublishDemandRequest.ContactPerson;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandPreferences;
import org.rongtong.events.DemandStatus;

/** A demand as the API shows it; {@code contact} is null unless the caller acts for the publisher. */
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
        Instant updatedAt,
        String specification,
        BigDecimal quantity,
        String quantityUnit,
        @Schema(description = "The publisher's preferences about the candidates; null when the demand states none.")
        DemandPreferences preferences,
        ContactPerson contact,
        Instant createdAt) {
}

package org.rongtong.demand.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.rongtong.events.CooperationField;

/**
 * A demand to publish at once. {@code publisherId} is required when a partner or operator publishes for a chain
 * leader; an enterprise token publishes for the enterprise it names.
 */
public record PublishDemandRequest(
        UUID publisherId,
        @NotNull CooperationField field,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be a chain code") String chain,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 8000) String description,
        @Size(max = 30) List<@NotBlank @Size(max = 50) String> requiredCapabilities,
        @Size(max = 50) List<@NotNull @Pattern(regexp = "\\d{2}(\\d{2}){0,2}", message = "must be a province, prefecture or county code (2, 4 or 6 digits)") String> regionCodes,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal budgetMin,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal budgetMax,
        @NotNull @Future Instant deadline) {
}

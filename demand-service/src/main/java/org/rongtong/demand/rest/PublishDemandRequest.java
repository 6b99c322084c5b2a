package org.rongtong.demand.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandPreferences;
import org.rongtong.web.validation.ChainCode;
import org.rongtong.web.validation.RegionCode;

/**
 * A demand, as created (published at once, or kept as a draft with {@code ?draft=true}) and as replaced by an
 * update. {@code publisherId} is required when a partner or operator creates for a chain leader; an enterprise token
 * creates for the enterprise it names. On an update, the publisher cannot change. {@code preferences} are optional: the
 * constraints of {@link DemandPreferences} apply, and its tier codes must be the registry's.
 */
public record PublishDemandRequest(
        UUID publisherId,
        @NotNull CooperationField field,
        @NotBlank @Pattern(regexp = ChainCode.PATTERN, message = ChainCode.MESSAGE) String chain,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 8000) String description,
        @Size(max = 30) List<@NotBlank @Size(max = 50) String> requiredCapabilities,
        @Size(max = 50) List<@NotNull @Pattern(regexp = RegionCode.PREFIX, message = RegionCode.PREFIX_MESSAGE) String> regionCodes,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal budgetMin,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal budgetMax,
        @NotNull @Future Instant deadline,
        @Size(max = 4000) String specification,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 3) BigDecimal quantity,
        @Size(max = 20) String quantityUnit,
        @Schema(description = "Optional preferences about the candidates: preferred SME tiers, the publisher's own province, "
                + "minimum employees, minimum annual revenue in CNY (yuan), the yearly volume to deliver. Absent or null: none; "
                + "an update replaces them like every other field, so leaving them out of an update removes them.")
        @Valid DemandPreferences preferences,
        @Valid ContactPerson contact) {

    /** The demand's contact person (personal data: shown only to those acting for the publisher). */
    public record ContactPerson(
            @NotBlank @Size(max = 50) String name,
            @Pattern(regexp = "\\+?[0-9][0-9 ()-]{4,28}", message = "must be a phone number") String phone,
            @Email @Size(max = 254) String email) {
    }
}

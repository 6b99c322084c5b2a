package org.rongtong.events;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a chain leader prefers in the candidates for a demand (需求偏好), beyond its required capabilities and regions.
 * Every field is optional, and so is the whole: a demand without preferences carries null. How much each preference
 * weighs is the matching engine's concern. The constraints are checked where demands are written (demand-service's
 * REST API), so events satisfy them; the JSON Schema {@code demand-snapshot.json#/$defs/demandPreferences} states the same.
 */
@Schema(description = "Optional preferences of the publisher about the candidates (需求偏好). Every field is optional; "
        + "an object with nothing set is the same as no preferences (read back as null).")
public record DemandPreferences(
        @Schema(description = "SME tier codes (梯度培育) whose holders are preferred, from the registry's reference data "
                + "(/api/v1/reference/tiers): INNOVATIVE_SME (创新型中小企业), SPECIALIZED_SME (专精特新中小企业), "
                + "LITTLE_GIANT (专精特新“小巨人”企业). Duplicates are dropped; empty means no tier preference.")
        @Size(max = 10) List<@NotNull @Pattern(regexp = TIER_CODES, message = "must be a tier code: INNOVATIVE_SME, SPECIALIZED_SME or LITTLE_GIANT") String> preferredTiers,

        @Schema(description = "Whether candidates in the publisher's own province (the first two digits of its GB/T 2260 "
                + "region code) are preferred; null or false: no such preference.")
        Boolean preferInProvince,

        @Schema(description = "Minimum number of employees a preferred candidate has (0 to 10,000,000), compared with the "
                + "enterprise's employees field.")
        @Min(0) @Max(10_000_000) Integer minEmployees,

        @Schema(description = "Minimum annual revenue of a preferred candidate, in CNY (yuan, 元 — not 万元), the unit of the "
                + "enterprise's revenue field in registry-service and in enterprise events; at least 0, two decimals at most.")
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal minRevenue,

        @Schema(description = "Yearly volume the supplier must be able to deliver, in annualVolumeUnit; at least 0.")
        @DecimalMin("0") @Digits(integer = 15, fraction = 3) BigDecimal annualVolume,

        @Schema(description = "Unit of annualVolume (e.g. 件, 台, 吨), at most 20 characters; required with annualVolume, "
                + "dropped without it.", maxLength = 20)
        @Size(max = 20) String annualVolumeUnit) {

    /** The tier codes of registry-service's reference data ({@code reference/tiers.csv}), as a pattern for validation. */
    public static final String TIER_CODES = "INNOVATIVE_SME|SPECIALIZED_SME|LITTLE_GIANT";
}

package org.rongtong.registry.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;
import org.rongtong.web.validation.ChainCode;
import org.rongtong.web.validation.RegionCode;
import org.rongtong.web.validation.ValidCreditCode;

/**
 * An enterprise's full profile, as registered (POST) or replaced (PUT with If-Match). Codes of regions, chains and
 * tiers must exist in the reference data (/api/v1/reference/*); the service checks that after these constraints.
 */
public record RegisterEnterpriseRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) String englishName,
        @NotNull @ValidCreditCode String creditCode,
        @NotNull EnterpriseKind kind,
        @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z_]*", message = "must be a tier code such as SPECIALIZED_SME") String tier,
        @Pattern(regexp = "NATIONAL|PROVINCIAL|CITY", message = "must be NATIONAL, PROVINCIAL or CITY") String tierLevel,
        @Min(2000) @Max(2100) Integer tierYear,
        LocalDate tierValidUntil,
        @NotNull @Pattern(regexp = RegionCode.COUNTY, message = RegionCode.COUNTY_MESSAGE) String regionCode,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = ChainCode.PATTERN, message = ChainCode.MESSAGE) String> chains,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> capabilities,
        @Size(max = 4000) String description,
        @Size(max = 2000) String products,
        @Size(max = 30) List<@NotBlank @Size(max = 100) String> certifications,
        Map<@NotNull CooperationField, @NotNull Willingness> willingness,
        @Min(0) @Max(10_000_000) Integer employees,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal revenue,
        @Min(1800) @Max(2100) Integer yearFounded,
        @Size(max = 10) List<@NotNull @Valid ContactDto> contacts) {
}

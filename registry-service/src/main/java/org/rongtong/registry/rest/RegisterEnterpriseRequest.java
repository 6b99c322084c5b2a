package org.rongtong.registry.rest;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;
import org.rongtong.web.validation.ValidCreditCode;

public record RegisterEnterpriseRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @ValidCreditCode String creditCode,
        @NotNull EnterpriseKind kind,
        @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z_]*", message = "must be a tier code such as SPECIALIZED_SME") String tier,
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 division code") String regionCode,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be a chain code") String> chains,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> capabilities,
        @Size(max = 4000) String description,
        Map<@NotNull CooperationField, @NotNull Willingness> willingness) {
}

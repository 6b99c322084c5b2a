package org.rongtong.demand.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.rongtong.web.validation.ChainCode;
import org.rongtong.web.validation.RegionCode;

/**
 * A matchmaking session to schedule. {@code regionCode} is the province, prefecture or county (2, 4 or 6 digits)
 * the session is held for; a bureau schedules only within its own region prefix. Every demand brought must be
 * published by one of the participating chain leaders.
 */
public record ScheduleSessionRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull LocalDate date,
        @NotNull @Pattern(regexp = RegionCode.PREFIX, message = RegionCode.PREFIX_MESSAGE) String regionCode,
        @Size(max = 200) String venue,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Pattern(regexp = ChainCode.PATTERN, message = ChainCode.MESSAGE) String> chains,
        @Size(max = 200) List<@NotNull UUID> participantIds,
        @Size(max = 500) List<@NotNull UUID> demandIds) {
}

package org.rongtong.demand.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A matchmaking session to schedule. {@code regionCode} is the province, prefecture or county (2, 4 or 6 digits)
 * the session is held for; a bureau schedules only within its own region prefix. Every demand brought must be
 * published by one of the participating chain leaders.
 */
public record ScheduleSessionRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull LocalDate date,
        @NotNull @Pattern(regexp = "\\d{2}(\\d{2}){0,2}", message = "must be a province, prefecture or county code (2, 4 or 6 digits)") String regionCode,
        @Size(max = 200) String venue,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be a chain code") String> chains,
        @Size(max = 200) List<@NotNull UUID> participantIds,
        @Size(max = 500) List<@NotNull UUID> demandIds) {
}

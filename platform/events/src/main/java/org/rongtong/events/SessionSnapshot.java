package org.rongtong.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A matchmaking session (对接活动 / 专场) after a change: a dated event held by a bureau for one or more chains,
 * with the chain leaders taking part and the demands they bring. {@code regionCode} is a division-code prefix
 * (2, 4 or 6 digits): the province, prefecture or county the session is held for.
 */
public record SessionSnapshot(
        UUID id,
        long version,
        String name,
        LocalDate date,
        String regionCode,
        String venue,
        List<String> chains,
        List<UUID> participantIds,
        List<UUID> demandIds,
        SessionStatus status,
        Instant scheduledAt,
        Instant updatedAt) {
}

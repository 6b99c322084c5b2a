package org.rongtong.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.notification.model.Notification.RecipientKind;
import org.rongtong.web.security.Roles;

@Tag("unit")
class SubscriptionHealthTest {

    private final SubscriptionHealth health = new SubscriptionHealth(Duration.ofSeconds(5), Duration.ofMinutes(1), 8, 3);

    @Test
    void backoffDoublesPerAttemptWithTheUpperHalfJitteredAndStopsAtTheCap() {
        for (int i = 0; i < 200; i++) {
            long first = health.backoff(1).toMillis();
            assertTrue(first >= 2_500 && first <= 5_000, "attempt 1: " + first);
            long third = health.backoff(3).toMillis();
            assertTrue(third >= 10_000 && third <= 20_000, "attempt 3: " + third);
            long late = health.backoff(40).toMillis();
            assertTrue(late >= 30_000 && late <= 60_000, "capped: " + late);
        }
    }

    @Test
    void aDeliveryIsParkedAfterItsLastAttempt() {
        assertFalse(health.parks(7));
        assertTrue(health.parks(8));
    }

    @Test
    void onlyTheFailureThatReachesTheLimitPausesTheSubscription() {
        assertFalse(health.justPaused("ACTIVE", 2));
        assertTrue(health.justPaused("PAUSED", 3));
        assertFalse(health.justPaused("PAUSED", 4), "paused already");
    }

    @Test
    void anEnterpriseOrABureauOwnerIsToldInItsInboxAndOthersAreNot() {
        UUID subscription = UUID.randomUUID();
        UUID enterprise = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T09:00:00Z");
        SubscriptionHealth.Notice notice = health.pausedNotice(subscription, Roles.ENTERPRISE, enterprise, null, "https://r.example/h", at)
                .orElseThrow();
        assertEquals(RecipientKind.ENTERPRISE, notice.recipient());
        assertEquals(enterprise, notice.enterpriseId());
        assertEquals("subscription-paused-" + subscription + "-" + at.toEpochMilli(), notice.eventId());
        assertTrue(notice.body().startsWith("Subscription " + subscription + " to https://r.example/h failed 3 times"));
        assertEquals(RecipientKind.BUREAU,
                health.pausedNotice(subscription, Roles.BUREAU, null, "31", "https://r", at).orElseThrow().recipient());
        assertTrue(health.pausedNotice(subscription, Roles.OPERATOR, null, null, "https://r", at).isEmpty());
        assertTrue(health.pausedNotice(subscription, Roles.ENTERPRISE, null, null, "https://r", at).isEmpty(), "names no enterprise");
    }
}

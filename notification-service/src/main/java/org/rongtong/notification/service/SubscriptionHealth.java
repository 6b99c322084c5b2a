package org.rongtong.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.rongtong.notification.config.WebhookConfig;
import org.rongtong.notification.model.Notification.RecipientKind;
import org.rongtong.notification.model.Subscription;
import org.rongtong.web.security.Roles;

/**
 * What a failed attempt means: when the delivery is tried again (backoff), when it is given up (parked), when its
 * subscription is paused, and what its owner is told then.
 */
@ApplicationScoped
public class SubscriptionHealth {

    /** The inbox notification an owner gets when its subscription is paused. */
    public static final String PAUSED_EVENT_TYPE = "rongtong.notification.subscription.paused";

    private static final Logger LOG = Logger.getLogger(SubscriptionHealth.class);

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxAttempts;
    private final int pauseAfter;

    @Inject
    public SubscriptionHealth(WebhookConfig config) {
        this(config.initialBackoff(), config.maxBackoff(), config.maxAttempts(), config.pauseAfter());
    }

    SubscriptionHealth(Duration initialBackoff, Duration maxBackoff, int maxAttempts, int pauseAfter) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxAttempts = maxAttempts;
        this.pauseAfter = pauseAfter;
    }

    /** Exponential: initial × 2^(n-1), capped; the upper half jittered so retries of many deliveries spread out. */
    Duration backoff(int attemptsSoFar) {
        long base = initialBackoff.toMillis() << Math.min(attemptsSoFar - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** The delivery is parked as failed once this attempt was its last. */
    boolean parks(int attemptsSoFar) {
        return attemptsSoFar >= maxAttempts;
    }

    int pauseAfter() {
        return pauseAfter;
    }

    /** This failure paused the subscription (not one counted after it was paused already). */
    boolean justPaused(String status, int consecutiveFailures) {
        return Subscription.Status.PAUSED.name().equals(status) && consecutiveFailures == pauseAfter;
    }

    /** An owner's notice for its inbox. */
    record Notice(RecipientKind recipient, UUID enterpriseId, String region, String eventId, String title, String body) {
    }

    /**
     * What the owner of a subscription just paused reads in its inbox; nothing for operators and partners, who have no
     * inbox of their own and see the status through the API.
     */
    Optional<Notice> pausedNotice(UUID subscription, String ownerRole, UUID ownerEnterprise, String ownerRegion, String url, Instant at) {
        boolean enterprise = Roles.ENTERPRISE.equals(ownerRole) && ownerEnterprise != null;
        boolean bureau = Roles.BUREAU.equals(ownerRole) && ownerRegion != null;
        if (!enterprise && !bureau) {
            LOG.warnf("Subscription %s paused after %d consecutive failures", subscription, pauseAfter);
            return Optional.empty();
        }
        String body = "Subscription " + subscription + " to " + url + " failed " + pauseAfter
                + " times in a row and is paused; fix the receiver, then POST /api/v1/subscriptions/" + subscription + "/resume.";
        return Optional.of(new Notice(enterprise ? RecipientKind.ENTERPRISE : RecipientKind.BUREAU, ownerEnterprise, ownerRegion,
                "subscription-paused-" + subscription + "-" + at.toEpochMilli(), "Webhook 订阅已暂停 / subscription paused", body));
    }
}

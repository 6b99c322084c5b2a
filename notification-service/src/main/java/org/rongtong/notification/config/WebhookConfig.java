package org.rongtong.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook delivery: the dispatcher every replica runs, its retry policy and how strictly targets are checked. */
@ConfigMapping(prefix = "rongtong.webhooks")
public interface WebhookConfig {

    /** Run the dispatcher in this process. */
    @WithDefault("true")
    boolean dispatcherEnabled();

    /** https only, no loopback/private/link-local/metadata addresses. Off only in %dev and %test, where receivers are local. */
    @WithDefault("true")
    boolean strictTargets();

    /** Time one attempt may take, connect to last byte. */
    @WithDefault("10s")
    Duration timeout();

    /** Attempts before a delivery is parked as FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** Backoff before the second attempt; doubles per attempt, with full jitter on the upper half. */
    @WithDefault("5s")
    Duration initialBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** Consecutive failed attempts after which a subscription is paused and its owner told. */
    @WithDefault("50")
    int pauseAfter();

    /** Requests in flight to one subscription's target: a slow receiver uses up its own share, never the others'. */
    @WithDefault("16")
    int perTargetConcurrency();

    /** Requests in flight in total. */
    @WithDefault("512")
    int maxInFlight();

    /** Deliveries claimed per round. */
    @WithDefault("200")
    int batchSize();

    /** Time between two rounds when nothing was due. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** How long the previous secret keeps signing after a rotation, unless the request names another. */
    @WithDefault("24h")
    Duration rotationGrace();

    /**
     * The key that encrypts signing secrets at rest (AES-256-GCM): 32 bytes, base64. No default: %dev and %test carry a
     * development key, every other deployment must supply its own (RONGTONG_WEBHOOKS_SECRET_KEY) or the service does not start.
     */
    String secretKey();

    /** Subscriptions one owner may hold; one more is refused with 429. */
    @WithDefault("100")
    int maxSubscriptionsPerOwner();
}

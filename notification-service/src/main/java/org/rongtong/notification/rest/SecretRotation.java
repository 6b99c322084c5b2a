package org.rongtong.notification.rest;

import java.time.Instant;

/** The new secret, shown once; until {@code previousSecretValidUntil} deliveries carry both signatures. */
public record SecretRotation(String secret, Instant previousSecretValidUntil) {
}

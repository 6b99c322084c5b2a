package org.rongtong.messaging;

import java.time.Duration;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Retries the handling of one record a bounded number of times with backoff, then lets the failure reach the
 * channel's {@code dead-letter-queue} failure strategy, which parks the record with the reason. Poison events
 * are not retried. The work is re-created on each attempt, so each attempt runs in a fresh transaction.
 */
public final class BoundedRetry {

    public static final int ATTEMPTS = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(3);

    private BoundedRetry() {
    }

    public static Uni<Void> handle(Supplier<Uni<Void>> work) {
        return Uni.createFrom().<Void>deferred(work::get)
                .onFailure(failure -> !(failure instanceof PoisonEventException))
                .retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(ATTEMPTS - 1);
    }
}

package org.rongtong.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Retries the handling of one record a bounded number of times with backoff, then lets the failure reach the
 * channel's {@code dead-letter-queue} failure strategy, which parks the record with the reason. Poison events
 * are not retried. Each attempt is created afresh (so it runs in a fresh transaction) and on the Vert.x context
 * the record arrived on, which Hibernate Reactive requires even after a backoff timer fired elsewhere.
 */
public final class BoundedRetry {

    public static final int ATTEMPTS = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(3);

    private BoundedRetry() {
    }

    public static Uni<Void> handle(Supplier<Uni<Void>> work) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().<Void>deferred(() -> onContext(context, work))
                .onFailure(failure -> !(failure instanceof PoisonEventException))
                .retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(ATTEMPTS - 1);
    }

    /**
     * The usual consumer: reads the record as a CloudEvent, ignores types it does not handle (a topic may carry
     * several), reads the data as {@code contract} (unreadable data is poison) and handles it with bounded retries.
     */
    public static <T> Uni<Void> handleEvent(ConsumerRecord<String, String> record, Collection<String> types, Class<T> contract,
            BiFunction<CloudEvent, T, Uni<Void>> handler) {
        CloudEvent event = CloudEvent.of(record);
        if (!types.contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        T data = event.dataAs(contract);
        return handle(() -> handler.apply(event, data));
    }

    private static Uni<Void> onContext(Context context, Supplier<Uni<Void>> work) {
        if (context == null || Vertx.currentContext() == context) {
            return work.get();
        }
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored ->
                work.get().subscribe().with(emitter::complete, emitter::fail)));
    }
}

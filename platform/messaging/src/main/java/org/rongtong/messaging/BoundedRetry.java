package org.rongtong.messaging;

import java.util.Collection;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.smallrye.mutiny.Uni;

/**
 * The former name of {@link EventRetry}, kept so that code written against it still compiles; it is no longer bounded
 * for transient faults (docs/adr/0012-retries-dead-letters-retention.md).
 */
@Deprecated
public final class BoundedRetry {

    public static final int ATTEMPTS = EventRetry.ATTEMPTS;

    private BoundedRetry() {
    }

    public static Uni<Void> handle(Supplier<Uni<Void>> work) {
        return EventRetry.handle("record", work);
    }

    public static <T> Uni<Void> handleEvent(ConsumerRecord<String, String> record, Collection<String> types, Class<T> contract,
            BiFunction<CloudEvent, T, Uni<Void>> handler) {
        return EventRetry.handleEvent(record, types, contract, handler);
    }
}

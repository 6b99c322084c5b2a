package org.rongtong.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Handles one record (or one batch) until it succeeds or is known not to (docs/adr/0012-retries-dead-letters-retention.md):
 * <ul>
 * <li>a transient fault (the database or broker away, a failover, a lock timeout, a serialization failure) and a record
 * that came before the one it depends on ({@link NotYetException}) are retried without limit, with backoff up to
 * {@link #MAX_BACKOFF}; the record is not acknowledged meanwhile, so its partition waits (the connector pauses it) and
 * nothing behind it overtakes it;</li>
 * <li>a poison record fails at once, and the channel's {@code dead-letter-queue} failure strategy parks it with the reason;</li>
 * <li>any other failure gets {@link #ATTEMPTS} attempts, then is parked.</li>
 * </ul>
 * Each attempt is created afresh (so it runs in a fresh transaction) and on the Vert.x context the record arrived on,
 * which Hibernate Reactive requires even after a backoff timer fired elsewhere. The retries are a loop of timers, not a
 * chain of operators, so an outage of hours costs nothing more than one of seconds.
 */
public final class EventRetry {

    public static final int ATTEMPTS = 4;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(EventRetry.class);

    private EventRetry() {
    }

    /** Handles {@code work} with the retries above; {@code what} names the record in logs. */
    public static Uni<Void> handle(String what, Supplier<Uni<Void>> work) {
        return handle(what, ATTEMPTS, work);
    }

    /**
     * A batch of records: transient faults and missing prerequisites are retried as above, but any other failure fails
     * at once, for the consumer to go through the batch record by record and park only the one at fault.
     */
    public static Uni<Void> handleBatch(String what, Supplier<Uni<Void>> work) {
        return handle(what, 1, work);
    }

    private static Uni<Void> handle(String what, int attempts, Supplier<Uni<Void>> work) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> new Attempts(what, attempts, context, work, emitter).next());
    }

    /**
     * The usual consumer: reads the record as a CloudEvent, ignores types it does not handle (a topic may carry
     * several), reads the data as {@code contract} (unreadable data is poison; data holding an enum value this service
     * does not know yet is skipped, {@link CloudEvent#dataAs}) and handles it with the retries above.
     * A record that fails for good is counted in {@code rongtong.dead.letters} under its topic before it is parked.
     */
    public static <T> Uni<Void> handleEvent(ConsumerRecord<String, String> record, Collection<String> types, Class<T> contract,
            BiFunction<CloudEvent, T, Uni<Void>> handler) {
        try {
            CloudEvent event = CloudEvent.of(record);
            if (!types.contains(event.type())) {
                return Uni.createFrom().voidItem();
            }
            Optional<T> read = event.dataAs(contract);
            if (read.isEmpty()) {
                return Uni.createFrom().voidItem(); // holds values this service does not know yet: skipped, not parked
            }
            T data = read.get();
            return handle(describe(record), () -> handler.apply(event, data))
                    .onFailure().invoke(failure -> DeadLetters.counted(record.topic()));
        } catch (RuntimeException poison) {
            DeadLetters.counted(record.topic());
            return Uni.createFrom().failure(poison);
        }
    }

    public static String describe(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    static Duration backoff(int retry) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(retry, 16);
        long capped = Math.min(millis, MAX_BACKOFF.toMillis());
        // a little jitter, so replicas that lost the same database do not come back in step
        return Duration.ofMillis(capped - ThreadLocalRandom.current().nextLong(capped / 5 + 1));
    }

    private static final class Attempts {

        private final String what;
        private final int attempts;
        private final Context context;
        private final Supplier<Uni<Void>> work;
        private final UniEmitter<? super Void> emitter;
        private int retries;
        private int unknownFailures;
        private volatile boolean stopped;

        Attempts(String what, int attempts, Context context, Supplier<Uni<Void>> work, UniEmitter<? super Void> emitter) {
            this.what = what;
            this.attempts = attempts;
            this.context = context;
            this.work = work;
            this.emitter = emitter;
            // the channel stopped (shutdown): no more attempts; the record is read again after the restart
            emitter.onTermination(() -> stopped = true);
        }

        void next() {
            if (stopped) {
                return;
            }
            if (context == null || Vertx.currentContext() == context) {
                attempt();
            } else {
                context.runOnContext(ignored -> attempt());
            }
        }

        private void attempt() {
            Uni<Void> once;
            try {
                once = work.get();
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            once.subscribe().with(emitter::complete, this::failed);
        }

        private void failed(Throwable failure) {
            Failures.Kind kind = Failures.classify(failure);
            if (kind == Failures.Kind.POISON || (kind == Failures.Kind.UNKNOWN && ++unknownFailures >= attempts)) {
                emitter.fail(failure);
                return;
            }
            Duration pause = backoff(retries++);
            if (retries == 1 || retries % 20 == 0) {
                LOG.warnf("%s: %s failure (retry %d, next in %d ms, the partition waits): %s", what, kind, retries, pause.toMillis(),
                        String.valueOf(failure.getMessage()));
            }
            if (context != null) {
                context.owner().setTimer(Math.max(1, pause.toMillis()), id -> next());
            } else {
                Infrastructure.getDefaultWorkerPool().schedule(this::next, pause.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }
}

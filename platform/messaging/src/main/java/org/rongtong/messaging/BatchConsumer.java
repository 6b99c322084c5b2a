package org.rongtong.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * How a consumer takes a poll's worth of records (docs/adr/0034-matching-memory-and-batched-ranking.md): each record
 * read on its own, and one that cannot be read parked at once; the rest handled together, with {@link EventRetry}'s
 * retries; a batch that still fails gone through record by record, in order, so that only the record that fails on its
 * own is parked (docs/adr/0012-retries-dead-letters-retention.md). The connector's own dead-letter strategy would park
 * the last record of each partition instead of the one at fault.
 *
 * @param <T> what the consumer reads from a record
 */
public final class BatchConsumer<T> {

    /** Reads what a record carries: null for a record that is not this consumer's; throws when it cannot be read. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ConsumerRecord<String, String> record);
    }

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);

    private final String what;
    private final DeadLetterParking parking;
    private final Reader<T> reader;
    private final Function<List<T>, Uni<Void>> together;
    private final Function<T, Uni<Void>> alone;

    /**
     * @param what what the records carry, for the logs ("enterprise event(s)")
     * @param deadLetters an outgoing channel to the service's dead-letter topic
     * @param together handles a batch's items in one go
     * @param alone handles one item, when the batch failed
     */
    public BatchConsumer(String what, Emitter<String> deadLetters, Reader<T> reader, Function<List<T>, Uni<Void>> together,
            Function<T, Uni<Void>> alone) {
        this.what = what;
        this.parking = new DeadLetterParking(deadLetters);
        this.reader = reader;
        this.together = together;
        this.alone = alone;
    }

    private record Read<T>(ConsumerRecord<String, String> record, T item) {
    }

    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<Read<T>> batch = new ArrayList<>();
        List<Uni<Void>> parked = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                T item = reader.read(record);
                if (item != null) {
                    batch.add(new Read<>(record, item));
                }
            } catch (RuntimeException unreadable) {
                parked.add(parking.park(record, unreadable));
            }
        }
        Uni<Void> handled = batch.isEmpty() ? Uni.createFrom().voidItem()
                : EventRetry.handleBatch("batch of " + batch.size() + " " + what + " from " + EventRetry.describe(batch.get(0).record()),
                        () -> together.apply(batch.stream().map(Read::item).toList()))
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("A batch of %d %s failed (%s); handling them one by one", batch.size(), what,
                                    String.valueOf(failure.getMessage()));
                            return oneByOne(batch);
                        });
        return parked.isEmpty() ? handled : Uni.join().all(parked).andFailFast().chain(() -> handled);
    }

    /** In the batch's order (an aggregate's events stay ordered); a record that fails for good is parked, the rest proceed. */
    private Uni<Void> oneByOne(List<Read<T>> batch) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Read<T> read : batch) {
            chain = chain.chain(() -> EventRetry.handle(EventRetry.describe(read.record()), () -> alone.apply(read.item()))
                    .onFailure().recoverWithUni(failure -> parking.park(read.record(), failure)));
        }
        return chain;
    }
}

package org.rongtong.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Parks one record of a batch in the service's dead-letter topic, with the headers the connector's own dead-letter
 * strategy writes ({@code dead-letter-reason}, {@code -cause}, {@code -topic}, {@code -partition}, {@code -offset}).
 * A batch consumer needs it: when a batch fails, the connector parks only the last record of each partition, not the
 * one at fault (docs/adr/0012-retries-dead-letters-retention.md).
 */
public final class DeadLetterParking {

    private static final Logger LOG = Logger.getLogger(DeadLetterParking.class);

    private final Emitter<String> deadLetters;

    /** @param deadLetters an outgoing channel to the service's dead-letter topic */
    public DeadLetterParking(Emitter<String> deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Sends the record to the dead-letter topic (retrying while the broker is away) and counts it. */
    public Uni<Void> park(ConsumerRecord<String, String> record, Throwable reason) {
        return EventRetry.handle("parking " + EventRetry.describe(record), () -> send(record, reason))
                .invoke(() -> DeadLetters.counted(record.topic()));
    }

    private Uni<Void> send(ConsumerRecord<String, String> record, Throwable reason) {
        LOG.warnf("Parking %s in the dead-letter topic: %s", EventRetry.describe(record), reason.getMessage());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-cause", reason.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build();
        return Uni.createFrom().completionStage(() -> {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            deadLetters.send(Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata)
                    .withAck(() -> {
                        sent.complete(null);
                        return CompletableFuture.completedFuture(null);
                    }).withNack(failure -> {
                        sent.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
            return sent;
        });
    }
}

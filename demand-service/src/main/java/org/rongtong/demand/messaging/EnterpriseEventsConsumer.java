package org.rongtong.demand.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.rongtong.demand.service.EnterpriseProjection;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventTypes;
import org.rongtong.messaging.CloudEvent;
import org.rongtong.messaging.DeadLetterParking;
import org.rongtong.messaging.EventRetry;

import io.smallrye.mutiny.Uni;

/**
 * The registry's enterprise events, a poll's worth at a time in one transaction: one per event kept demand-service
 * minutes behind a bulk import of 100,000, so that a chain leader registered just after it could not publish yet
 * (docs/adr/0034-matching-memory-and-batched-ranking.md). An unreadable record is parked at once; a batch that fails
 * for another reason is gone through record by record, with the retries of EventRetry, and only the record that still
 * fails is parked (docs/adr/0012-retries-dead-letters-retention.md).
 */
@ApplicationScoped
public class EnterpriseEventsConsumer {

    private static final Logger LOG = Logger.getLogger(EnterpriseEventsConsumer.class);

    private final EnterpriseProjection projection;
    private final DeadLetterParking parking;

    public EnterpriseEventsConsumer(EnterpriseProjection projection, @Channel("enterprises-dlq") Emitter<String> deadLetters) {
        this.projection = projection;
        this.parking = new DeadLetterParking(deadLetters);
    }

    /** A record of the batch and the enterprise read from it. */
    private record Read(ConsumerRecord<String, String> record, EnterpriseSnapshot snapshot) {
    }

    @Incoming("enterprises")
    public Uni<Void> onEnterpriseEvents(ConsumerRecords<String, String> records) {
        List<Read> batch = new ArrayList<>();
        List<Uni<Void>> parked = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                CloudEvent event = CloudEvent.of(record);
                // other types on the topic are not ours; an event holding values this service does not know yet is skipped
                if (EventTypes.ENTERPRISE_TYPES.contains(event.type())) {
                    event.dataAs(EnterpriseSnapshot.class).ifPresent(snapshot -> batch.add(new Read(record, snapshot)));
                }
            } catch (RuntimeException poison) {
                parked.add(parking.park(record, poison));
            }
        }
        Uni<Void> handled = batch.isEmpty() ? Uni.createFrom().voidItem()
                : EventRetry.handleBatch("batch of " + batch.size() + " enterprise event(s)",
                        () -> projection.applyAll(batch.stream().map(Read::snapshot).toList()))
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("A batch of %d enterprise event(s) failed (%s); handling them one by one", batch.size(),
                                    String.valueOf(failure.getMessage()));
                            return oneByOne(batch);
                        });
        return parked.isEmpty() ? handled : Uni.join().all(parked).andFailFast().chain(() -> handled);
    }

    /** In the batch's order (an enterprise's events stay ordered); a record that fails for good is parked, the rest proceed. */
    private Uni<Void> oneByOne(List<Read> batch) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Read read : batch) {
            chain = chain.chain(() -> EventRetry.handle(EventRetry.describe(read.record()), () -> projection.apply(read.snapshot()))
                    .onFailure().recoverWithUni(failure -> parking.park(read.record(), failure)));
        }
        return chain;
    }
}

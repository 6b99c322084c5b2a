package org.rongtong.notification.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.rongtong.events.CloudEventHeaders;
import org.rongtong.events.DemandCandidatesChanged;
import org.rongtong.events.DemandMatched;
import org.rongtong.events.EventTypes;
import org.rongtong.events.MatchChanged;
import org.rongtong.messaging.CloudEvent;
import org.rongtong.messaging.DeadLetterParking;
import org.rongtong.messaging.EventRetry;
import org.rongtong.messaging.PoisonEventException;
import org.rongtong.notification.service.InboxService;
import org.rongtong.notification.service.SubscriptionMapper;
import org.rongtong.notification.service.WebhookDispatcher;

import io.smallrye.mutiny.Uni;

/**
 * The match topic's events, a poll's worth at a time (one transaction per batch): candidate lists and the moves of each
 * match's lifecycle; other types on the topic are skipped. A transient failure (database or broker away) retries the
 * batch without limit while the partition waits; any other failure of the batch goes through it record by record, in
 * order, and parks only the record that fails on its own (docs/adr/0012-retries-dead-letters-retention.md). A record
 * that cannot be read is parked at once. The processed-event ids make every repeat harmless.
 */
@ApplicationScoped
public class MatchEventsConsumer {

    private static final Logger LOG = Logger.getLogger(MatchEventsConsumer.class);

    private final InboxService inbox;
    private final WebhookDispatcher dispatcher;
    private final DeadLetterParking parking;

    public MatchEventsConsumer(InboxService inbox, WebhookDispatcher dispatcher, @Channel("matches-dlq") Emitter<String> deadLetters) {
        this.inbox = inbox;
        this.dispatcher = dispatcher;
        this.parking = new DeadLetterParking(deadLetters);
    }

    /** A record of the batch and the event read from it. */
    private record Read(ConsumerRecord<String, String> record, InboxService.MatchEvent event) {
    }

    @Incoming("matches")
    public Uni<Void> onMatchEvents(ConsumerRecords<String, String> records) {
        List<Read> batch = new ArrayList<>();
        List<Uni<Void>> parked = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                CloudEvent event = CloudEvent.of(record);
                // an event holding values this service does not know yet is skipped (CloudEvent#dataAs)
                if (EventTypes.DEMAND_MATCHED.equals(event.type())) {
                    event.dataAs(DemandMatched.class).ifPresent(matched -> batch.add(new Read(record,
                            new InboxService.Matched(event.id(), matched, SubscriptionMapper.facts(event, time(record), matched)))));
                } else if (EventTypes.DEMAND_CANDIDATES_CHANGED.equals(event.type())) {
                    // a delta (ADR 0022): its added candidates are handled as a candidate list of newcomers
                    event.dataAs(DemandCandidatesChanged.class).ifPresent(delta -> batch.add(new Read(record,
                            new InboxService.Matched(event.id(), delta.asMatched(), SubscriptionMapper.facts(event, time(record), delta)))));
                } else if (EventTypes.MATCH_MOVE_TYPES.contains(event.type())) {
                    event.dataAs(MatchChanged.class).ifPresent(change -> batch.add(new Read(record,
                            new InboxService.Moved(event.id(), event.type(), change, SubscriptionMapper.facts(event, time(record), change)))));
                }
            } catch (PoisonEventException e) {
                parked.add(park(record, e));
            }
        }
        Uni<Void> handled = batch.isEmpty() ? Uni.createFrom().voidItem()
                : EventRetry.handleBatch(describe(batch), () -> inbox.onMatchEvents(batch.stream().map(Read::event).toList()))
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("A batch of %d match event(s) failed (%s); handling them one by one", batch.size(),
                                    String.valueOf(failure.getMessage()));
                            return oneByOne(batch);
                        })
                        // wake the dispatcher once the deliveries are committed, so webhooks leave without waiting for its next poll
                        .invoke(dispatcher::wake);
        return parked.isEmpty() ? handled : Uni.join().all(parked).andFailFast().chain(() -> handled);
    }

    /** In the batch's order (a demand's events stay ordered); a record that fails for good is parked, the rest proceed. */
    private Uni<Void> oneByOne(List<Read> batch) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Read read : batch) {
            chain = chain.chain(() -> EventRetry.handle(EventRetry.describe(read.record()), () -> inbox.onMatchEvents(List.of(read.event())))
                    .onFailure().recoverWithUni(failure -> park(read.record(), failure)));
        }
        return chain;
    }

    private static String describe(List<Read> batch) {
        ConsumerRecord<String, String> first = batch.get(0).record();
        return "batch of " + batch.size() + " from " + EventRetry.describe(first);
    }

    private Uni<Void> park(ConsumerRecord<String, String> record, Throwable reason) {
        return parking.park(record, reason);
    }

    private static Instant time(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TIME);
        if (header != null) {
            try {
                return Instant.parse(new String(header.value(), StandardCharsets.UTF_8));
            } catch (DateTimeParseException e) {
                // an unreadable time is no reason to lose the event: fall back to the record's timestamp
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }
}

package org.rongtong.notification.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rongtong.events.CloudEventHeaders;
import org.rongtong.events.DemandCandidatesChanged;
import org.rongtong.events.DemandMatched;
import org.rongtong.events.EventTypes;
import org.rongtong.events.MatchChanged;
import org.rongtong.messaging.BatchConsumer;
import org.rongtong.messaging.CloudEvent;
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

    private final WebhookDispatcher dispatcher;
    private final BatchConsumer<InboxService.MatchEvent> consumer;

    public MatchEventsConsumer(InboxService inbox, WebhookDispatcher dispatcher, @Channel("matches-dlq") Emitter<String> deadLetters) {
        this.dispatcher = dispatcher;
        this.consumer = new BatchConsumer<>("match event(s)", deadLetters, MatchEventsConsumer::read, inbox::onMatchEvents,
                event -> inbox.onMatchEvents(List.of(event)));
    }

    @Incoming("matches")
    public Uni<Void> onMatchEvents(ConsumerRecords<String, String> records) {
        // wake the dispatcher once the deliveries are committed, so webhooks leave without waiting for its next poll
        return consumer.consume(records).invoke(dispatcher::wake);
    }

    /** The event a record carries (null: another type, or values this service does not know yet, see CloudEvent#dataAs). */
    private static InboxService.MatchEvent read(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.of(record);
        if (EventTypes.DEMAND_MATCHED.equals(event.type())) {
            return event.dataAs(DemandMatched.class)
                    .map(matched -> new InboxService.Matched(event.id(), matched, SubscriptionMapper.facts(event, time(record), matched)))
                    .orElse(null);
        }
        if (EventTypes.DEMAND_CANDIDATES_CHANGED.equals(event.type())) {
            // a delta (ADR 0022): its added candidates are handled as a candidate list of newcomers
            return event.dataAs(DemandCandidatesChanged.class)
                    .map(delta -> new InboxService.Matched(event.id(), delta.asMatched(), SubscriptionMapper.facts(event, time(record), delta)))
                    .orElse(null);
        }
        if (EventTypes.MATCH_MOVE_TYPES.contains(event.type())) {
            return event.dataAs(MatchChanged.class)
                    .map(change -> new InboxService.Moved(event.id(), event.type(), change, SubscriptionMapper.facts(event, time(record), change)))
                    .orElse(null);
        }
        return null;
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

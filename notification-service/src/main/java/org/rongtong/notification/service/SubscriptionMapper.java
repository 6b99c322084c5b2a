package org.rongtong.notification.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandCandidatesChanged;
import org.rongtong.events.DemandMatched;
import org.rongtong.events.EventSources;
import org.rongtong.events.MatchChanged;
import org.rongtong.messaging.CloudEvent;
import org.rongtong.notification.model.Delivery;
import org.rongtong.notification.model.DeliveryAttempt;
import org.rongtong.notification.model.StreamEvent;
import org.rongtong.notification.model.Subscription;
import org.rongtong.notification.rest.DeliveryView;
import org.rongtong.notification.rest.SubscriptionFilter;
import org.rongtong.notification.rest.SubscriptionView;
import org.rongtong.outbox.TraceContext;
import org.rongtong.ids.UuidV7;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

/** The one place where subscriptions, deliveries and events become rows, views and webhook bodies. */
public final class SubscriptionMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SubscriptionMapper() {
    }

    public static EventFacts facts(CloudEvent event, Instant time, DemandMatched matched) {
        List<EventFacts.Party> parties = matched.candidates().stream()
                .map(c -> new EventFacts.Party(c.enterpriseId(), c.regionCode())).toList();
        return new EventFacts(event.id(), event.type(), event.source(),
                event.subject() != null ? event.subject() : String.valueOf(matched.demandId()), time, event.data(),
                matched.regionCode(), matched.chain(), matched.field() == null ? null : matched.field().name(),
                matched.publisherId(), matched.publisherRegionCode(), parties, true, trace(event));
    }

    /** A delta names the candidates added and displaced; receivers see it cut to theirs, like a candidate list. */
    public static EventFacts facts(CloudEvent event, Instant time, DemandCandidatesChanged delta) {
        List<EventFacts.Party> parties = new java.util.ArrayList<>();
        delta.candidates().forEach(c -> parties.add(new EventFacts.Party(c.enterpriseId(), c.regionCode())));
        delta.displaced().forEach(d -> parties.add(new EventFacts.Party(d.enterpriseId(), d.regionCode())));
        return new EventFacts(event.id(), event.type(), event.source(),
                event.subject() != null ? event.subject() : String.valueOf(delta.demandId()), time, event.data(),
                delta.regionCode(), delta.chain(), delta.field() == null ? null : delta.field().name(),
                delta.publisherId(), delta.publisherRegionCode(), List.copyOf(parties), true, trace(event));
    }

    public static EventFacts facts(CloudEvent event, Instant time, MatchChanged change) {
        // the demand is the aggregate, as for its candidate list: one demand's events reach a subscription in order
        return new EventFacts(event.id(), event.type(), event.source(),
                event.subject() != null ? event.subject() : String.valueOf(change.demandId()), time, event.data(),
                change.regionCode(), change.chain(), change.field() == null ? null : change.field().name(),
                change.publisherId(), change.publisherRegionCode(),
                List.of(new EventFacts.Party(change.enterpriseId(), change.enterpriseRegionCode())), false, trace(event));
    }

    private static TraceContext trace(CloudEvent event) {
        return TraceContext.of(event.traceparent(), event.tracestate());
    }

    static SubscriptionFilter filter(Subscription s) {
        return new SubscriptionFilter(s.eventTypes, s.regionPrefix, s.chains,
                s.fields.stream().map(CooperationField::valueOf).toList());
    }

    /** The CloudEvent in JSON structured mode, as the webhook body and the stream's data. */
    static String structured(EventFacts e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("specversion", "1.0");
        node.put("id", e.eventId());
        node.put("source", e.source() == null ? EventSources.MATCHING : e.source());
        node.put("type", e.type());
        if (e.subject() != null) {
            node.put("subject", e.subject());
        }
        node.put("time", e.time().toString());
        node.put("datacontenttype", "application/json");
        try {
            // the data as the producer wrote it, which the consumer has already read (CloudEvent.dataAs): reading it into
            // a tree again to write it back cost a tenth of notification-service's time under load (ADR 0036)
            node.putRawValue("data", new RawValue(e.data()));
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Event " + e.eventId() + " has unreadable data", ex);
        }
    }

    static Delivery delivery(Subscription s, EventFacts e, String body, Instant now) {
        Delivery d = new Delivery();
        d.id = UuidV7.next();
        d.subscriptionId = s.id;
        d.eventId = e.eventId();
        d.eventType = e.type();
        d.aggregateId = e.subject();
        d.payload = body;
        d.status = Delivery.PENDING;
        d.nextAttemptAt = now;
        d.createdAt = now;
        d.traceparent = e.trace() == null ? null : e.trace().traceparent();
        d.tracestate = e.trace() == null ? null : e.trace().tracestate();
        return d;
    }

    static StreamEvent streamEvent(EventFacts e, String body, Instant now) {
        StreamEvent s = new StreamEvent();
        s.id = UuidV7.next();
        s.eventId = e.eventId();
        s.eventType = e.type();
        s.regionCode = e.regionCode();
        s.chain = e.chain();
        s.field = e.field();
        s.enterprises = e.enterprises().stream().map(UUID::toString).sorted().toList();
        s.publisherId = e.publisherId();
        s.publisherRegion = e.publisherRegion();
        s.partyIds = e.parties().stream().map(EventFacts.Party::id).toArray(UUID[]::new);
        s.partyRegions = e.parties().stream().map(EventFacts.Party::region).toArray(String[]::new);
        s.payload = body;
        s.createdAt = now;
        return s;
    }

    static SubscriptionView toView(Subscription s, String secret) {
        Instant grace = s.previousSecretUntil != null && s.previousSecretUntil.isAfter(Instant.now()) ? s.previousSecretUntil : null;
        return new SubscriptionView(s.id, s.url, s.description, filter(s), s.status.name(), s.consecutiveFailures, s.owner, s.ownerRole,
                s.ownerEnterpriseId, s.ownerGranted == null || s.ownerGranted.isEmpty() ? null : s.ownerGranted, s.ownerRegion, grace,
                s.createdAt, secret);
    }

    static DeliveryView toView(Delivery d, Map<UUID, List<DeliveryAttempt>> attempts) {
        List<DeliveryView.Attempt> log = attempts.getOrDefault(d.id, List.of()).stream()
                .map(a -> new DeliveryView.Attempt(a.attempt, a.statusCode, a.error, a.latencyMs, a.attemptedAt)).toList();
        return new DeliveryView(d.id, d.eventId, d.eventType, d.aggregateId, d.status, d.attempts,
                Delivery.PENDING.equals(d.status) ? d.nextAttemptAt : null, d.lastStatusCode, d.lastError, d.lastLatencyMs,
                d.createdAt, d.deliveredAt, log);
    }
}

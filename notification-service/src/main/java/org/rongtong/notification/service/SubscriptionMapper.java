package org.rongtong.notification.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandMatched;
import org.rongtong.events.MatchChanged;
import org.rongtong.messaging.CloudEvent;
import org.rongtong.notification.model.Delivery;
import org.rongtong.notification.model.DeliveryAttempt;
import org.rongtong.notification.model.StreamEvent;
import org.rongtong.notification.model.Subscription;
import org.rongtong.notification.model.Subscription.OwnerKind;
import org.rongtong.notification.rest.DeliveryView;
import org.rongtong.notification.rest.SubscriptionFilter;
import org.rongtong.notification.rest.SubscriptionView;
import org.rongtong.outbox.UuidV7;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one place where subscriptions, deliveries and events become rows, views and webhook bodies. */
public final class SubscriptionMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SubscriptionMapper() {
    }

    public static EventFacts facts(CloudEvent event, Instant time, DemandMatched matched) {
        Set<UUID> enterprises = new HashSet<>();
        enterprises.add(matched.publisherId());
        matched.candidates().forEach(c -> enterprises.add(c.enterpriseId()));
        return new EventFacts(event.id(), event.type(), event.source(),
                event.subject() != null ? event.subject() : String.valueOf(matched.demandId()), time, event.data(),
                matched.regionCode(), matched.chain(), matched.field() == null ? null : matched.field().name(), enterprises);
    }

    public static EventFacts facts(CloudEvent event, Instant time, MatchChanged change) {
        // the demand is the aggregate, as for its candidate list: one demand's events reach a subscription in order
        return new EventFacts(event.id(), event.type(), event.source(),
                event.subject() != null ? event.subject() : String.valueOf(change.demandId()), time, event.data(),
                change.regionCode(), change.chain(), change.field() == null ? null : change.field().name(),
                Set.of(change.publisherId(), change.enterpriseId()));
    }

    /** May the owner see this event at all: its own enterprise, its region, or (platform) anything. */
    static boolean inScope(OwnerKind kind, UUID enterpriseId, String region, EventFacts e) {
        return switch (kind) {
            case PLATFORM -> true;
            case ENTERPRISE -> enterpriseId != null && e.enterprises().contains(enterpriseId);
            case BUREAU -> region != null && e.regionCode() != null && e.regionCode().startsWith(region);
        };
    }

    static boolean matches(SubscriptionFilter f, EventFacts e) {
        return (f.eventTypesOrEmpty().isEmpty() || f.eventTypesOrEmpty().contains(e.type()))
                && (f.regionPrefix() == null || e.regionCode() != null && e.regionCode().startsWith(f.regionPrefix()))
                && (f.chainsOrEmpty().isEmpty() || f.chainsOrEmpty().contains(e.chain()))
                && (f.fieldsOrEmpty().isEmpty() || e.field() != null && f.fieldsOrEmpty().stream().map(CooperationField::name).anyMatch(e.field()::equals));
    }

    static boolean wants(Subscription s, EventFacts e) {
        return inScope(s.ownerKind, s.ownerEnterpriseId, s.ownerRegion, e) && matches(filter(s), e);
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
        node.put("source", e.source() == null ? "/matching-service" : e.source());
        node.put("type", e.type());
        if (e.subject() != null) {
            node.put("subject", e.subject());
        }
        node.put("time", e.time().toString());
        node.put("datacontenttype", "application/json");
        try {
            node.set("data", JSON.readTree(e.data()));
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
        s.payload = body;
        s.createdAt = now;
        return s;
    }

    static SubscriptionView toView(Subscription s, String secret) {
        Instant grace = s.previousSecretUntil != null && s.previousSecretUntil.isAfter(Instant.now()) ? s.previousSecretUntil : null;
        return new SubscriptionView(s.id, s.url, s.description, filter(s), s.status.name(), s.consecutiveFailures, s.ownerKind.name(),
                s.ownerEnterpriseId, s.ownerRegion, grace, s.createdAt, secret);
    }

    static DeliveryView toView(Delivery d, Map<UUID, List<DeliveryAttempt>> attempts) {
        List<DeliveryView.Attempt> log = attempts.getOrDefault(d.id, List.of()).stream()
                .map(a -> new DeliveryView.Attempt(a.attempt, a.statusCode, a.error, a.latencyMs, a.attemptedAt)).toList();
        return new DeliveryView(d.id, d.eventId, d.eventType, d.aggregateId, d.status, d.attempts,
                Delivery.PENDING.equals(d.status) ? d.nextAttemptAt : null, d.lastStatusCode, d.lastError, d.lastLatencyMs,
                d.createdAt, d.deliveredAt, log);
    }
}

package org.rongtong.notification.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.notification.model.Delivery;
import org.rongtong.notification.model.StreamEvent;
import org.rongtong.notification.model.Subscription;
import org.rongtong.notification.model.Subscription.Status;
import org.rongtong.notification.rest.SubscriptionFilter;
import org.rongtong.persistence.StringListConverter;
import org.rongtong.web.security.Viewer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The fan-out of match events, inside the consumer's transaction: each event's row in the live stream, and a webhook
 * delivery per subscription that the {@link RoutingRules} route it to, with the body cut to what that receiver may see.
 */
@ApplicationScoped
public class DeliveryFanOut {

    /** Every subscription, paused ones too: their deliveries wait in the queue until they are resumed. */
    private static final String SUBSCRIPTIONS = """
            SELECT id, owner_role, owner_subject, owner_enterprise_id, owner_granted, owner_region, event_types, region_prefix, chains,
                fields, status, url, secret, previous_secret, previous_secret_until
            FROM subscription""";

    private static final String STREAM = """
            INSERT INTO stream_event (id, event_id, event_type, region_code, chain, field, enterprises, payload, created_at, publisher_id,
                publisher_region, party_ids, party_regions)
            SELECT t.id, t.event_id, t.event_type, t.region_code, t.chain, t.field, t.enterprises, t.payload, t.created_at, t.publisher_id,
                t.publisher_region, ARRAY(SELECT jsonb_array_elements_text(t.parties::jsonb)::uuid),
                ARRAY(SELECT jsonb_array_elements_text(t.regions::jsonb))
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::timestamptz[], $10::uuid[], $11::text[], $12::text[], $13::text[])
                AS t(id, event_id, event_type, region_code, chain, field, enterprises, payload, created_at, publisher_id, publisher_region,
                    parties, regions)""";

    private static final StringListConverter LISTS = new StringListConverter();

    private final WebhookDispatcher dispatcher;
    private final DeliveryQueue queue;
    private final SecretBox secrets;

    public DeliveryFanOut(WebhookDispatcher dispatcher, DeliveryQueue queue, SecretBox secrets) {
        this.dispatcher = dispatcher;
        this.queue = queue;
        this.secrets = secrets;
    }

    /** A fresh hand-over for one consumer batch. */
    DeliveryHandover handover() {
        return new DeliveryHandover(dispatcher);
    }

    /**
     * One delivery per subscription that wants each event, and each event's row in the live stream; runs in the
     * consumer's transaction ({@code conn}), so a replay adds none. Times step by a microsecond in batch order, so that
     * deliveries of one aggregate keep their order however their random UUID bits fall. One multi-row statement per
     * table (see InboxService.onDemandMatched). Deliveries the dispatcher has room for are written leased and noted in
     * {@code handover}, for the caller to pass on after the commit.
     */
    Uni<Integer> fanOut(SqlConnection conn, List<EventFacts> events, DeliveryHandover handover) {
        Instant base = Instant.now();
        return conn.query(SUBSCRIPTIONS).execute().chain(rows -> {
            List<Subscription> all = new ArrayList<>();
            rows.forEach(r -> all.add(subscription(r)));
            Map<UUID, Subscription> byId = all.stream().collect(Collectors.toMap(sub -> sub.id, sub -> sub));
            List<StreamEvent> streamedRows = new ArrayList<>(events.size());
            List<Delivery> out = new ArrayList<>();
            List<Viewer> viewers = all.stream().map(Subscription::viewer).toList();
            List<SubscriptionFilter> filters = all.stream().map(SubscriptionMapper::filter).toList();
            for (int i = 0; i < events.size(); i++) {
                EventFacts event = events.get(i);
                Instant at = base.plusNanos(i * 1_000L);
                String body = SubscriptionMapper.structured(event);
                streamedRows.add(SubscriptionMapper.streamEvent(event, body, at));
                // a body cut to the candidates one receiver sees, shared by receivers who see the same ones
                Map<Set<UUID>, String> cut = new HashMap<>();
                Audience.Cutter cutter = new Audience.Cutter(body);
                for (int k = 0; k < all.size(); k++) {
                    Set<UUID> visible = Audience.visibleParties(viewers.get(k), event);
                    if (RoutingRules.routes(filters.get(k), event, visible)) {
                        String own = Audience.cut(event, visible) ? cut.computeIfAbsent(visible, cutter::keep) : body;
                        out.add(SubscriptionMapper.delivery(all.get(k), event, own, at));
                    }
                }
            }
            Uni<?> streamed = conn.preparedQuery(STREAM).execute(UnnestRows.arrays(streamedRows,
                    UnnestRows.column(UUID.class, e -> e.id), UnnestRows.column(String.class, e -> e.eventId),
                    UnnestRows.column(String.class, e -> e.eventType), UnnestRows.column(String.class, e -> e.regionCode),
                    UnnestRows.column(String.class, e -> e.chain), UnnestRows.column(String.class, e -> e.field),
                    UnnestRows.column(String.class, e -> LISTS.convertToDatabaseColumn(e.enterprises)),
                    UnnestRows.column(String.class, e -> e.payload), UnnestRows.time(e -> e.createdAt),
                    UnnestRows.column(UUID.class, e -> e.publisherId), UnnestRows.column(String.class, e -> e.publisherRegion),
                    UnnestRows.column(String.class, e -> JsonArrays.of(e.partyIds)),
                    UnnestRows.column(String.class, e -> JsonArrays.of(e.partyRegions))));
            return out.isEmpty() ? streamed.replaceWith(0)
                    : streamed.chain(() -> insertDeliveries(conn, out, byId, handover)).replaceWith(out.size());
        });
    }

    private Uni<Void> insertDeliveries(SqlConnection conn, List<Delivery> out, Map<UUID, Subscription> subscriptions, DeliveryHandover handover) {
        Set<UUID> candidates = handover.candidates(out, subscriptions);
        Map<UUID, Delivery> byId = out.stream().collect(Collectors.toMap(d -> d.id, d -> d));
        return queue.enqueue(conn, out, candidates, dispatcher.lease().toMillis() / 1000.0).invoke(leased -> leased.forEach(id -> {
            Delivery d = byId.get(id);
            handover.leased(d, subscriptions.get(d.subscriptionId));
        })).replaceWithVoid();
    }

    /** What the routing rules and the hand-over read; a detached object, never persisted. */
    private Subscription subscription(Row r) {
        Subscription s = new Subscription();
        s.id = r.getUUID("id");
        s.ownerRole = r.getString("owner_role");
        s.ownerSubject = r.getString("owner_subject");
        s.ownerEnterpriseId = r.getUUID("owner_enterprise_id");
        s.ownerGranted = LISTS.convertToEntityAttribute(r.getString("owner_granted"));
        s.ownerRegion = r.getString("owner_region");
        s.eventTypes = LISTS.convertToEntityAttribute(r.getString("event_types"));
        s.regionPrefix = r.getString("region_prefix");
        s.chains = LISTS.convertToEntityAttribute(r.getString("chains"));
        s.fields = LISTS.convertToEntityAttribute(r.getString("fields"));
        s.status = Status.valueOf(r.getString("status"));
        s.url = r.getString("url");
        // opened here: the hand-over signs with them
        s.secret = secrets.open(r.getString("secret"));
        s.previousSecret = secrets.open(r.getString("previous_secret"));
        OffsetDateTime previousUntil = r.getOffsetDateTime("previous_secret_until");
        s.previousSecretUntil = previousUntil == null ? null : previousUntil.toInstant();
        return s;
    }
}

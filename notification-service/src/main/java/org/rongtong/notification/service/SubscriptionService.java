package org.rongtong.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.notification.config.WebhookConfig;
import org.rongtong.notification.model.Delivery;
import org.rongtong.notification.model.DeliveryAttempt;
import org.rongtong.notification.model.StreamEvent;
import org.rongtong.notification.model.Subscription;
import org.rongtong.notification.model.Subscription.OwnerKind;
import org.rongtong.notification.model.Subscription.Status;
import org.rongtong.notification.rest.DeliveryPage;
import org.rongtong.notification.rest.DeliveryView;
import org.rongtong.notification.rest.SecretRotation;
import org.rongtong.notification.rest.SubscriptionFilter;
import org.rongtong.notification.rest.SubscriptionPage;
import org.rongtong.notification.rest.SubscriptionRequest;
import org.rongtong.notification.rest.SubscriptionView;
import org.rongtong.outbox.UuidV7;
import org.rongtong.persistence.StringListConverter;
import org.rongtong.persistence.idempotency.IdempotencyKeys;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Subscriptions and their delivery log, scoped by who calls; and the fan-out of events into deliveries. */
@ApplicationScoped
public class SubscriptionService {

    /** Every subscription, paused ones too: their deliveries wait in the queue until they are resumed. */
    private static final String SUBSCRIPTIONS = """
            SELECT id, owner_kind, owner_enterprise_id, owner_region, event_types, region_prefix, chains, fields, status, url, secret,
                previous_secret, previous_secret_until
            FROM subscription""";

    private static final String STREAM = """
            INSERT INTO stream_event (id, event_id, event_type, region_code, chain, field, enterprises, payload, created_at)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::timestamptz[])""";

    /**
     * A candidate for the hand-over ({@code $8}) is written leased ({@code $9} seconds) unless an earlier delivery of its
     * subscription and aggregate is still pending; the per-row probe with {@code LIMIT 1} stays an index lookup on
     * {@code delivery_aggregate} whatever the statistics say. Returns which rows were leased.
     */
    private static final String DELIVER = """
            INSERT INTO delivery (id, subscription_id, event_id, event_type, aggregate_id, payload, status, attempts, next_attempt_at, created_at)
            SELECT id, sub, ev, typ, agg, payload, 'PENDING', 0,
                CASE WHEN handover AND (SELECT 1 FROM delivery e WHERE e.subscription_id = t.sub AND e.aggregate_id = t.agg
                                                                  AND e.status = 'PENDING' LIMIT 1) IS NULL
                     THEN now() + make_interval(secs => $9) ELSE at END,
                at
            FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::bool[])
                AS t(id, sub, ev, typ, agg, payload, at, handover)
            RETURNING id, next_attempt_at > created_at AS leased""";

    private static final StringListConverter LISTS = new StringListConverter();

    static final String IDEMPOTENCY_SCOPE = "subscription";

    private final WebhookConfig config;
    private final WebhookDispatcher dispatcher;
    private final IdempotencyKeys idempotency;

    public SubscriptionService(WebhookConfig config, WebhookDispatcher dispatcher, IdempotencyKeys idempotency) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.idempotency = idempotency;
    }

    /** A created subscription, or (a repeated Idempotency-Key of the same caller) the first one replayed, secret included. */
    public record Created(SubscriptionView view, boolean replayed) {
    }

    /** Who owns what the caller creates, and the scope it gets: the caller's own enterprise or region, or anything. */
    record Owner(OwnerKind kind, UUID enterpriseId, String region) {

        static Owner of(Caller caller) {
            if (caller.isOperator() || caller.isPartner()) {
                return new Owner(OwnerKind.PLATFORM, null, null);
            }
            if (caller.is(Roles.BUREAU)) {
                return new Owner(OwnerKind.BUREAU, null,
                        caller.regionPrefix().orElseThrow(() -> ProblemException.forbidden("The bureau token names no region")));
            }
            return new Owner(OwnerKind.ENTERPRISE,
                    caller.enterpriseId().orElseThrow(() -> ProblemException.forbidden("The token names no enterprise")), null);
        }

        boolean owns(Subscription s) {
            return kind == OwnerKind.PLATFORM
                    || kind == s.ownerKind && (kind == OwnerKind.ENTERPRISE ? enterpriseId.equals(s.ownerEnterpriseId) : region.equals(s.ownerRegion));
        }
    }

    /** The filter as the owner may have it: a bureau's region prefix lies within its region (its region when absent). */
    static SubscriptionFilter scopedFilter(Owner owner, SubscriptionFilter requested) {
        SubscriptionFilter f = requested == null ? SubscriptionFilter.ANY : requested;
        String prefix = f.regionPrefix();
        if (owner.kind() == OwnerKind.BUREAU) {
            if (prefix == null) {
                prefix = owner.region();
            } else if (!prefix.startsWith(owner.region())) {
                throw ProblemException.invalid("filter.regionPrefix", "must lie within the bureau's region " + owner.region());
            }
        }
        return new SubscriptionFilter(f.eventTypesOrEmpty(), prefix, f.chainsOrEmpty(), f.fieldsOrEmpty());
    }

    @WithTransaction
    public Uni<Created> create(Caller caller, SubscriptionRequest request, String idempotencyKey) {
        Owner owner = Owner.of(caller);
        SubscriptionFilter filter = scopedFilter(owner, request.filter());
        return idempotency.previous(IDEMPOTENCY_SCOPE, idempotencyKey, request).chain(previous -> previous != null
                ? Subscription.<Subscription>findById(previous)
                        .onItem().ifNull().failWith(() -> ProblemException.conflict("Idempotency-Key used",
                                "The subscription first created with this key has been deleted since; use a new key"))
                        .map(first -> new Created(SubscriptionMapper.toView(first, first.secret), true))
                : createNew(owner, filter, request)
                        .call(view -> idempotency.remember(IDEMPOTENCY_SCOPE, idempotencyKey, request, view.id()))
                        .map(view -> new Created(view, false)));
    }

    private Uni<SubscriptionView> createNew(Owner owner, SubscriptionFilter filter, SubscriptionRequest request) {
        Subscription s = new Subscription();
        s.id = UuidV7.next();
        s.ownerKind = owner.kind();
        s.ownerEnterpriseId = owner.enterpriseId();
        s.ownerRegion = owner.region();
        s.url = request.url().trim();
        s.description = request.description();
        s.eventTypes = filter.eventTypesOrEmpty();
        s.regionPrefix = filter.regionPrefix();
        s.chains = filter.chainsOrEmpty();
        s.fields = filter.fieldsOrEmpty().stream().map(Enum::name).toList();
        s.secret = WebhookSigner.newSecret();
        s.status = Status.ACTIVE;
        s.createdAt = Instant.now();
        return s.<Subscription>persist().map(saved -> SubscriptionMapper.toView(saved, saved.secret));
    }

    @WithSession
    public Uni<SubscriptionPage> list(Caller caller, int page, int size) {
        Owner owner = Owner.of(caller);
        String where;
        Parameters params = new Parameters();
        switch (owner.kind()) {
            case PLATFORM -> where = "1 = 1";
            case BUREAU -> {
                where = "ownerKind = :kind and ownerRegion = :region";
                params.and("kind", OwnerKind.BUREAU).and("region", owner.region());
            }
            default -> {
                where = "ownerKind = :kind and ownerEnterpriseId = :id";
                params.and("kind", OwnerKind.ENTERPRISE).and("id", owner.enterpriseId());
            }
        }
        var query = Subscription.<Subscription>find(where, Sort.descending("createdAt").and("id", Sort.Direction.Descending), params)
                .page(Page.of(page, size));
        return Paging.countThenList(query)
                .map(c -> new SubscriptionPage(c.items().stream().map(s -> SubscriptionMapper.toView(s, null)).toList(), page, size, c.total()));
    }

    @WithSession
    public Uni<SubscriptionView> get(Caller caller, UUID id) {
        return owned(caller, id).map(s -> SubscriptionMapper.toView(s, null));
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return owned(caller, id).chain(s -> s.delete());
    }

    /** A new secret; the old one keeps signing alongside it until the grace period ends. */
    @WithTransaction
    public Uni<SecretRotation> rotate(Caller caller, UUID id, Duration grace) {
        Duration effective = grace == null ? config.rotationGrace() : grace;
        return owned(caller, id).map(s -> {
            s.previousSecret = s.secret;
            s.previousSecretUntil = Instant.now().plus(effective);
            s.secret = WebhookSigner.newSecret();
            return new SecretRotation(s.secret, s.previousSecretUntil);
        });
    }

    /** Resumes a paused subscription; its pending deliveries go out again. */
    @WithTransaction
    public Uni<SubscriptionView> resume(Caller caller, UUID id) {
        return owned(caller, id).map(s -> {
            s.status = Status.ACTIVE;
            s.consecutiveFailures = 0;
            return SubscriptionMapper.toView(s, null);
        });
    }

    @WithSession
    public Uni<DeliveryPage> deliveries(Caller caller, UUID id, String status, int page, int size) {
        return owned(caller, id).chain(s -> {
            Parameters params = Parameters.with("sub", id);
            String where = "subscriptionId = :sub";
            if (status != null) {
                where += " and status = :status";
                params.and("status", status);
            }
            var query = Delivery.<Delivery>find(where, Sort.descending("createdAt").and("id", Sort.Direction.Descending), params)
                    .page(Page.of(page, size));
            return Paging.countThenList(query).chain(c -> withLog(c.items())
                    .map(views -> new DeliveryPage(views, page, size, c.total())));
        });
    }

    /** Parks a delivery back in the queue with a fresh set of attempts. */
    @WithTransaction
    public Uni<DeliveryView> redeliver(Caller caller, UUID id, UUID deliveryId) {
        return owned(caller, id).chain(s -> Delivery.<Delivery>findById(deliveryId)).chain(d -> {
            if (d == null || !d.subscriptionId.equals(id)) {
                throw ProblemException.notFound("Delivery", deliveryId);
            }
            if (Delivery.PENDING.equals(d.status)) {
                throw ProblemException.conflict("Delivery pending", "Delivery " + deliveryId + " is still pending");
            }
            d.status = Delivery.PENDING;
            d.attempts = 0;
            d.nextAttemptAt = Instant.now();
            d.deliveredAt = null;
            return withLog(List.of(d)).map(v -> v.get(0));
        });
    }

    private Uni<List<DeliveryView>> withLog(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = deliveries.stream().map(d -> d.id).toList();
        return DeliveryAttempt.<DeliveryAttempt>list("deliveryId in ?1 order by attempt", ids).map(attempts -> {
            Map<UUID, List<DeliveryAttempt>> byDelivery = attempts.stream().collect(Collectors.groupingBy(a -> a.deliveryId));
            return deliveries.stream().map(d -> SubscriptionMapper.toView(d, byDelivery)).toList();
        });
    }

    private Uni<Subscription> owned(Caller caller, UUID id) {
        Owner owner = Owner.of(caller);
        return Subscription.<Subscription>findById(id).map(s -> {
            if (s == null || !owner.owns(s)) {
                throw ProblemException.notFound("Subscription", id);
            }
            return s;
        });
    }

    /**
     * One delivery per subscription that wants each event, and each event's row in the live stream; runs in the
     * consumer's transaction ({@code conn}), so a replay adds none. Times step by a microsecond in batch order, so that
     * deliveries of one aggregate keep their order however their random UUID bits fall. One multi-row statement per
     * table (see InboxService.onDemandMatched). Deliveries the dispatcher has room for are written leased and noted in
     * {@code handover}, for the caller to pass on after the commit.
     */
    /** A fresh hand-over for one consumer batch. */
    DeliveryHandover handover() {
        return new DeliveryHandover(dispatcher);
    }

    Uni<Integer> fanOut(SqlConnection conn, List<EventFacts> events, DeliveryHandover handover) {
        Instant base = Instant.now();
        return conn.query(SUBSCRIPTIONS).execute().chain(rows -> {
            List<Subscription> all = new ArrayList<>();
            rows.forEach(r -> all.add(subscription(r)));
            Map<UUID, Subscription> byId = all.stream().collect(Collectors.toMap(sub -> sub.id, sub -> sub));
            List<StreamEvent> streamedRows = new ArrayList<>(events.size());
            List<Delivery> out = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                EventFacts event = events.get(i);
                Instant at = base.plusNanos(i * 1_000L);
                String body = SubscriptionMapper.structured(event);
                streamedRows.add(SubscriptionMapper.streamEvent(event, body, at));
                for (Subscription sub : all) {
                    if (SubscriptionMapper.wants(sub, event)) {
                        out.add(SubscriptionMapper.delivery(sub, event, body, at));
                    }
                }
            }
            Uni<?> streamed = conn.preparedQuery(STREAM).execute(UnnestRows.arrays(streamedRows,
                    UnnestRows.column(UUID.class, e -> e.id), UnnestRows.column(String.class, e -> e.eventId),
                    UnnestRows.column(String.class, e -> e.eventType), UnnestRows.column(String.class, e -> e.regionCode),
                    UnnestRows.column(String.class, e -> e.chain), UnnestRows.column(String.class, e -> e.field),
                    UnnestRows.column(String.class, e -> LISTS.convertToDatabaseColumn(e.enterprises)),
                    UnnestRows.column(String.class, e -> e.payload), UnnestRows.time(e -> e.createdAt)));
            return out.isEmpty() ? streamed.replaceWith(0)
                    : streamed.chain(() -> insertDeliveries(conn, out, byId, handover)).replaceWith(out.size());
        });
    }

    private Uni<Void> insertDeliveries(SqlConnection conn, List<Delivery> out, Map<UUID, Subscription> subscriptions, DeliveryHandover handover) {
        Set<UUID> candidates = handover.candidates(out, subscriptions);
        Map<UUID, Delivery> byId = out.stream().collect(Collectors.toMap(d -> d.id, d -> d));
        Tuple args = UnnestRows.arrays(out,
                UnnestRows.column(UUID.class, d -> d.id), UnnestRows.column(UUID.class, d -> d.subscriptionId),
                UnnestRows.column(String.class, d -> d.eventId), UnnestRows.column(String.class, d -> d.eventType),
                UnnestRows.column(String.class, d -> d.aggregateId), UnnestRows.column(String.class, d -> d.payload),
                UnnestRows.time(d -> d.createdAt), UnnestRows.column(Boolean.class, d -> candidates.contains(d.id)));
        args.addValue(dispatcher.lease().toMillis() / 1000.0);
        return conn.preparedQuery(DELIVER).execute(args).invoke(rows -> rows.forEach(r -> {
            if (r.getBoolean("leased")) {
                Delivery d = byId.get(r.getUUID("id"));
                handover.leased(d, subscriptions.get(d.subscriptionId));
            }
        })).replaceWithVoid();
    }

    /** What {@link SubscriptionMapper#wants} and the hand-over read; a detached object, never persisted. */
    private static Subscription subscription(Row r) {
        Subscription s = new Subscription();
        s.id = r.getUUID("id");
        s.ownerKind = OwnerKind.valueOf(r.getString("owner_kind"));
        s.ownerEnterpriseId = r.getUUID("owner_enterprise_id");
        s.ownerRegion = r.getString("owner_region");
        s.eventTypes = LISTS.convertToEntityAttribute(r.getString("event_types"));
        s.regionPrefix = r.getString("region_prefix");
        s.chains = LISTS.convertToEntityAttribute(r.getString("chains"));
        s.fields = LISTS.convertToEntityAttribute(r.getString("fields"));
        s.status = Status.valueOf(r.getString("status"));
        s.url = r.getString("url");
        s.secret = r.getString("secret");
        s.previousSecret = r.getString("previous_secret");
        OffsetDateTime previousUntil = r.getOffsetDateTime("previous_secret_until");
        s.previousSecretUntil = previousUntil == null ? null : previousUntil.toInstant();
        return s;
    }
}

package org.rongtong.notification.service;

import java.time.Duration;
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

import org.rongtong.notification.config.WebhookConfig;
import org.rongtong.notification.model.Delivery;
import org.rongtong.notification.model.DeliveryAttempt;
import org.rongtong.notification.model.StreamEvent;
import org.rongtong.notification.model.Subscription;
import org.rongtong.notification.model.Subscription.Status;
import org.rongtong.notification.rest.DeliveryView;
import org.rongtong.notification.rest.SecretRotation;
import org.rongtong.notification.rest.SubscriptionFilter;
import org.rongtong.notification.rest.SubscriptionRequest;
import org.rongtong.notification.rest.SubscriptionView;
import org.rongtong.outbox.UuidV7;
import org.rongtong.persistence.StringListConverter;
import org.rongtong.persistence.idempotency.IdempotencyKeys;
import org.rongtong.persistence.paging.Pages;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.rest.Page;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Viewer;
import org.rongtong.web.problem.Problem;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
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

    /**
     * A candidate for the hand-over ({@code $8}) is written leased ({@code $9} seconds) unless an earlier delivery of its
     * subscription and aggregate is still pending; the per-row probe with {@code LIMIT 1} stays an index lookup on
     * {@code delivery_aggregate} whatever the statistics say. Returns which rows were leased.
     */
    private static final String DELIVER = """
            INSERT INTO delivery (id, subscription_id, event_id, event_type, aggregate_id, payload, status, attempts, next_attempt_at, created_at,
                traceparent, tracestate)
            SELECT id, sub, ev, typ, agg, payload, 'PENDING', 0,
                CASE WHEN handover AND (SELECT 1 FROM delivery e WHERE e.subscription_id = t.sub AND e.aggregate_id = t.agg
                                                                  AND e.status = 'PENDING' LIMIT 1) IS NULL
                     THEN now() + make_interval(secs => $11) ELSE at END,
                at, tp, ts
            FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::bool[],
                        $9::text[], $10::text[])
                AS t(id, sub, ev, typ, agg, payload, at, handover, tp, ts)
            RETURNING id, next_attempt_at > created_at AS leased""";

    private static final StringListConverter LISTS = new StringListConverter();

    static final String IDEMPOTENCY_SCOPE = "subscription";

    private final WebhookConfig config;
    private final WebhookDispatcher dispatcher;
    private final IdempotencyKeys idempotency;
    private final SecretBox secrets;

    public SubscriptionService(WebhookConfig config, WebhookDispatcher dispatcher, IdempotencyKeys idempotency, SecretBox secrets) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.idempotency = idempotency;
        this.secrets = secrets;
    }

    /** A created subscription, or (a repeated Idempotency-Key of the same caller) the first one replayed, secret included. */
    public record Created(SubscriptionView view, boolean replayed) {
    }

    /**
     * The caller as the owner of what it creates, with the scope it gets (Viewer): an enterprise token must name its
     * enterprise and a bureau's its region, or there would be nothing to scope by.
     */
    static Viewer ownerOf(Caller caller) {
        Viewer viewer = caller.viewer();
        if (viewer.isBureau() && viewer.regionPrefix() == null) {
            throw ProblemException.forbidden("The bureau token names no region");
        }
        if (viewer.isEnterprise() && viewer.enterpriseId() == null) {
            throw ProblemException.forbidden("The token names no enterprise");
        }
        return viewer;
    }

    /** The filter as the owner may have it: a bureau's region prefix lies within its region (its region when absent). */
    static SubscriptionFilter scopedFilter(Viewer owner, SubscriptionFilter requested) {
        SubscriptionFilter f = requested == null ? SubscriptionFilter.ANY : requested;
        String prefix = f.regionPrefix();
        if (owner.isBureau()) {
            if (prefix == null) {
                prefix = owner.regionPrefix();
            } else if (!prefix.startsWith(owner.regionPrefix())) {
                throw ProblemException.invalid("filter.regionPrefix", "must lie within the bureau's region " + owner.regionPrefix());
            }
        }
        return new SubscriptionFilter(f.eventTypesOrEmpty(), prefix, f.chainsOrEmpty(), f.fieldsOrEmpty());
    }

    /** Refused with 429 when the owner already holds as many as the quota allows. */
    static ProblemException quotaExceeded(String what, int limit) {
        return new ProblemException(Problem.of(429, "quota-exceeded", "Quota exceeded",
                "An owner may hold at most " + limit + " " + what, null));
    }

    @WithTransaction
    public Uni<Created> create(Caller caller, SubscriptionRequest request, String idempotencyKey) {
        Viewer owner = ownerOf(caller);
        SubscriptionFilter filter = scopedFilter(owner, request.filter());
        return idempotency.previous(IDEMPOTENCY_SCOPE, idempotencyKey, request).chain(previous -> previous != null
                ? Subscription.<Subscription>findById(previous)
                        .onItem().ifNull().failWith(() -> ProblemException.conflict("Idempotency-Key used",
                                "The subscription first created with this key has been deleted since; use a new key"))
                        .map(first -> new Created(SubscriptionMapper.toView(first, secrets.open(first.secret)), true))
                : createNew(owner, filter, request)
                        .call(view -> idempotency.remember(IDEMPOTENCY_SCOPE, idempotencyKey, request, view.id()))
                        .map(view -> new Created(view, false)));
    }

    private Uni<SubscriptionView> createNew(Viewer owner, SubscriptionFilter filter, SubscriptionRequest request) {
        Subscription s = new Subscription();
        s.id = UuidV7.next();
        s.owner = owner.owner();
        s.ownerRole = owner.role();
        s.ownerSubject = owner.subject();
        s.ownerEnterpriseId = owner.enterpriseId();
        s.ownerGranted = owner.grantedEnterprises().stream().map(UUID::toString).sorted().toList();
        s.ownerRegion = owner.regionPrefix();
        s.url = request.url().trim();
        s.description = request.description();
        s.eventTypes = filter.eventTypesOrEmpty();
        s.regionPrefix = filter.regionPrefix();
        s.chains = filter.chainsOrEmpty();
        s.fields = filter.fieldsOrEmpty().stream().map(Enum::name).toList();
        String secret = WebhookSigner.newSecret();
        s.secret = secrets.seal(secret);
        s.status = Status.ACTIVE;
        s.createdAt = Instant.now();
        // the owner's rows are locked while counted, so two concurrent creations cannot both take the last place
        return Subscription.<Subscription>find("owner = ?1", s.owner).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .list().chain(held -> {
                    if (held.size() >= config.maxSubscriptionsPerOwner()) {
                        throw quotaExceeded("subscriptions", config.maxSubscriptionsPerOwner());
                    }
                    return s.<Subscription>persist();
                }).map(saved -> SubscriptionMapper.toView(saved, secret));
    }

    /** An operator's list has every subscription; anyone else's only its own. */
    @WithSession
    public Uni<Page<SubscriptionView>> list(Caller caller, int page, int size) {
        Viewer viewer = ownerOf(caller);
        Sort order = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        var query = (viewer.isOperator() ? Subscription.<Subscription>findAll(order)
                : Subscription.<Subscription>find("owner = :owner", order, Parameters.with("owner", viewer.owner())));
        return Pages.countThenList(query, page, size).map(found -> found.map(s -> SubscriptionMapper.toView(s, null)));
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
            String secret = WebhookSigner.newSecret();
            s.secret = secrets.seal(secret);
            return new SecretRotation(secret, s.previousSecretUntil);
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
    public Uni<Page<DeliveryView>> deliveries(Caller caller, UUID id, String status, int page, int size) {
        return owned(caller, id).chain(s -> {
            Parameters params = Parameters.with("sub", id);
            String where = "subscriptionId = :sub";
            if (status != null) {
                where += " and status = :status";
                params.and("status", status);
            }
            var query = Delivery.<Delivery>find(where, Sort.descending("createdAt").and("id", Sort.Direction.Descending), params);
            return Pages.countThenList(query, page, size).chain(found -> withLog(found.items())
                    .map(views -> new Page<>(views, found.page(), found.size(), found.total())));
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

    /** The subscription if the caller owns it or is an operator; anyone else learns nothing, not even that it exists. */
    private Uni<Subscription> owned(Caller caller, UUID id) {
        Viewer viewer = ownerOf(caller);
        return Subscription.<Subscription>findById(id).map(s -> {
            if (s == null || !(viewer.isOperator() || viewer.owner().equals(s.owner))) {
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
                    if (Audience.sees(visible) && SubscriptionMapper.matches(filters.get(k), event, visible)) {
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
        Tuple args = UnnestRows.arrays(out,
                UnnestRows.column(UUID.class, d -> d.id), UnnestRows.column(UUID.class, d -> d.subscriptionId),
                UnnestRows.column(String.class, d -> d.eventId), UnnestRows.column(String.class, d -> d.eventType),
                UnnestRows.column(String.class, d -> d.aggregateId), UnnestRows.column(String.class, d -> d.payload),
                UnnestRows.time(d -> d.createdAt), UnnestRows.column(Boolean.class, d -> candidates.contains(d.id)),
                UnnestRows.column(String.class, d -> d.traceparent), UnnestRows.column(String.class, d -> d.tracestate));
        args.addValue(dispatcher.lease().toMillis() / 1000.0);
        return conn.preparedQuery(DELIVER).execute(args).invoke(rows -> rows.forEach(r -> {
            if (r.getBoolean("leased")) {
                Delivery d = byId.get(r.getUUID("id"));
                handover.leased(d, subscriptions.get(d.subscriptionId));
            }
        })).replaceWithVoid();
    }

    /** What {@link SubscriptionMapper#wants} and the hand-over read; a detached object, never persisted. */
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

package org.rongtong.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.notification.config.WebhookConfig;
import org.rongtong.notification.model.Delivery;
import org.rongtong.notification.model.DeliveryAttempt;
import org.rongtong.notification.model.Subscription;
import org.rongtong.notification.model.Subscription.Status;
import org.rongtong.notification.rest.DeliveryView;
import org.rongtong.notification.rest.SecretRotation;
import org.rongtong.notification.rest.SubscriptionFilter;
import org.rongtong.notification.rest.SubscriptionRequest;
import org.rongtong.notification.rest.SubscriptionView;
import org.rongtong.ids.UuidV7;
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

/** The subscription API's use cases: subscriptions and their delivery log, scoped by who calls ({@link RoutingRules}). */
@ApplicationScoped
public class SubscriptionService {

    static final String IDEMPOTENCY_SCOPE = "subscription";

    private final WebhookConfig config;
    private final IdempotencyKeys idempotency;
    private final SecretBox secrets;

    public SubscriptionService(WebhookConfig config, IdempotencyKeys idempotency, SecretBox secrets) {
        this.config = config;
        this.idempotency = idempotency;
        this.secrets = secrets;
    }

    /** A created subscription, or (a repeated Idempotency-Key of the same caller) the first one replayed, secret included. */
    public record Created(SubscriptionView view, boolean replayed) {
    }

    /** Refused with 429 when the owner already holds as many as the quota allows. */
    static ProblemException quotaExceeded(String what, int limit) {
        return new ProblemException(Problem.of(429, "quota-exceeded", "Quota exceeded",
                "An owner may hold at most " + limit + " " + what, null));
    }

    @WithTransaction
    public Uni<Created> create(Caller caller, SubscriptionRequest request, String idempotencyKey) {
        Viewer owner = RoutingRules.ownerOf(caller);
        SubscriptionFilter filter = RoutingRules.scopedFilter(owner, request.filter());
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
        Viewer viewer = RoutingRules.ownerOf(caller);
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
        Viewer viewer = RoutingRules.ownerOf(caller);
        return Subscription.<Subscription>findById(id).map(s -> {
            if (s == null || !RoutingRules.mayManage(viewer, s.owner)) {
                throw ProblemException.notFound("Subscription", id);
            }
            return s;
        });
    }
}

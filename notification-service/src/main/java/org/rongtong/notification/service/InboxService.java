package org.rongtong.notification.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.events.DemandMatched;
import org.rongtong.notification.model.Notification;
import org.rongtong.notification.model.Notification.RecipientKind;
import org.rongtong.notification.model.ProcessedEvent;
import org.rongtong.notification.rest.InboxPage;
import org.rongtong.notification.rest.NotificationView;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Roles;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InboxService {

    private final SubscriptionService subscriptions;

    public InboxService(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** One match event as the consumer read it. */
    public record Matched(String eventId, DemandMatched event, EventFacts facts) {
    }

    /**
     * Turns match events into notifications for the publisher, each candidate and the bureaus covering the demand's
     * region, and into a webhook delivery per subscription that wants them. Event ids are recorded in the same
     * transaction, so a replay writes nothing twice. A whole poll's worth in one transaction: per-event transactions
     * capped the service at about 150 events/s on two cores.
     */
    @WithTransaction
    public Uni<Void> onDemandMatched(List<Matched> batch) {
        List<String> ids = batch.stream().map(Matched::eventId).distinct().toList();
        List<UUID> demands = batch.stream().map(m -> m.event().demandId()).distinct().toList();
        Uni<List<Notification>> earlier = Notification.list("recipientKind = ?1 and demandId in ?2", RecipientKind.ENTERPRISE, demands);
        return ProcessedEvent.<ProcessedEvent>list("eventId in ?1", ids).chain(seen -> earlier.chain(before -> {
            Set<String> done = new HashSet<>();
            seen.forEach(p -> done.add(p.eventId));
            // who has heard of which demand: a repeated candidate list (reverse matching) notifies only newcomers
            Set<String> notified = new HashSet<>();
            before.forEach(n -> notified.add(n.demandId + "|" + n.enterpriseId));
            List<ProcessedEvent> processed = new ArrayList<>();
            List<Notification> notifications = new ArrayList<>();
            List<EventFacts> fresh = new ArrayList<>();
            Instant now = Instant.now();
            for (Matched m : batch) {
                if (!done.add(m.eventId())) {
                    continue;
                }
                ProcessedEvent p = new ProcessedEvent();
                p.eventId = m.eventId();
                p.processedAt = now;
                processed.add(p);
                DemandMatched event = m.event();
                boolean firstForDemand = notified.add(event.demandId() + "|" + event.publisherId());
                List<DemandMatched.Candidate> newcomers = event.candidates().stream()
                        .filter(c -> notified.add(event.demandId() + "|" + c.enterpriseId())).toList();
                if (firstForDemand || !newcomers.isEmpty()) {
                    notifications.addAll(NotificationMapper.forDemandMatched(m.eventId(), event, newcomers, firstForDemand));
                }
                fresh.add(m.facts());
            }
            if (processed.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return ProcessedEvent.persist(processed).chain(() -> Notification.persist(notifications))
                    .chain(() -> subscriptions.fanOut(fresh)).replaceWithVoid();
        }));
    }

    /**
     * Marks one notification read (or unread again). Only its recipient may: the enterprise (or one acting for it), or a
     * bureau whose region covers it; anyone else learns nothing, not even that it exists.
     */
    @WithTransaction
    public Uni<NotificationView> markRead(Caller caller, UUID id, boolean read) {
        return Notification.<Notification>findById(id).map(n -> {
            boolean mine = n != null && (n.recipientKind == RecipientKind.ENTERPRISE
                    ? caller.actsFor(n.enterpriseId)
                    : caller.isOperator() || caller.is(Roles.BUREAU) && caller.regionPrefix().filter(n.regionCode::startsWith).isPresent());
            if (!mine) {
                throw ProblemException.notFound("Notification", id);
            }
            n.readAt = read ? (n.readAt != null ? n.readAt : Instant.now()) : null;
            return NotificationMapper.toView(n);
        });
    }

    /** The caller's inbox, newest first: an enterprise's own, a bureau's region, or (operator, partner) a named enterprise's. */
    @WithSession
    public Uni<InboxPage> inbox(Caller caller, UUID enterpriseId, boolean unreadOnly, int page, int size) {
        return inbox(caller, enterpriseId, unreadOnly, null, null, page, size);
    }

    @WithSession
    public Uni<InboxPage> inbox(Caller caller, UUID enterpriseId, boolean unreadOnly, String eventType, UUID demandId, int page, int size) {
        StringBuilder where = new StringBuilder();
        Parameters params = new Parameters();
        if (caller.is(Roles.BUREAU) && !caller.actsForAnyEnterprise()) {
            String prefix = caller.regionPrefix().orElseThrow(() -> ProblemException.forbidden("The bureau token names no region"));
            where.append("recipientKind = :bureau and regionCode like :prefix");
            params.and("bureau", RecipientKind.BUREAU).and("prefix", prefix + "%");
        } else {
            UUID whose = enterpriseId != null ? enterpriseId : caller.enterpriseId().orElse(null);
            if (whose == null && !caller.isOperator()) {
                throw ProblemException.invalid("enterpriseId", "is required when a partner reads an inbox");
            }
            if (whose != null) {
                caller.requireActsFor(whose);
                where.append("recipientKind = :enterprise and enterpriseId = :id");
                params.and("enterprise", RecipientKind.ENTERPRISE).and("id", whose);
            } else {
                where.append("1 = 1");
            }
        }
        if (unreadOnly) {
            where.append(" and readAt is null");
        }
        if (eventType != null) {
            where.append(" and eventType = :type");
            params.and("type", eventType);
        }
        if (demandId != null) {
            where.append(" and demandId = :demand");
            params.and("demand", demandId);
        }
        PanacheQuery<Notification> query = Notification.find(where.toString(), Sort.descending("createdAt").and("id", Sort.Direction.Descending), params)
                .page(Page.of(page, size));
        return Uni.combine().all().unis(query.list(), query.count())
                .asTuple().map(t -> new InboxPage(t.getItem1().stream().map(NotificationMapper::toView).toList(), page, size, t.getItem2()));
    }
}

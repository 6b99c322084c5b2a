package org.rongtong.notification.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.events.DemandMatched;
import org.rongtong.notification.model.Notification;
import org.rongtong.notification.model.Notification.RecipientKind;
import org.rongtong.notification.model.ProcessedEvent;
import org.rongtong.notification.rest.InboxPage;
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

    /**
     * Turns a match event into notifications for the publisher, each candidate and the bureaus covering the
     * demand's region. The event id is recorded in the same transaction, so a replay writes nothing twice.
     */
    @WithTransaction
    public Uni<Void> onDemandMatched(String eventId, DemandMatched event) {
        return ProcessedEvent.<ProcessedEvent>findById(eventId).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().voidItem();
            }
            ProcessedEvent processed = new ProcessedEvent();
            processed.eventId = eventId;
            processed.processedAt = Instant.now();
            List<Notification> notifications = NotificationMapper.forDemandMatched(eventId, event);
            return processed.persist().chain(() -> Notification.persist(notifications));
        });
    }

    /** The caller's inbox, newest first: an enterprise's own, a bureau's region, or (operator, partner) a named enterprise's. */
    @WithSession
    public Uni<InboxPage> inbox(Caller caller, UUID enterpriseId, boolean unreadOnly, int page, int size) {
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
        PanacheQuery<Notification> query = Notification.find(where.toString(), Sort.descending("createdAt").and("id", Sort.Direction.Descending), params)
                .page(Page.of(page, size));
        return Uni.combine().all().unis(query.list(), query.count())
                .asTuple().map(t -> new InboxPage(t.getItem1().stream().map(NotificationMapper::toView).toList(), page, size, t.getItem2()));
    }
}

package org.rongtong.notification.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.events.DemandMatched;
import org.rongtong.events.MatchChanged;
import org.rongtong.notification.model.Notification;
import org.rongtong.notification.model.Notification.RecipientKind;
import org.rongtong.notification.rest.NotificationView;
import org.rongtong.persistence.paging.Pages;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.rest.Page;
import org.rongtong.web.security.Caller;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class InboxService {

    /** Records the batch's event ids; returns those not recorded before (the rest are replays). */
    private static final String PROCESS = """
            INSERT INTO processed_event (event_id, processed_at) SELECT unnest($1::text[]), now()
            ON CONFLICT DO NOTHING RETURNING event_id""";

    /** Records who hears of which demand; returns the pairs not recorded before. */
    private static final String AUDIENCE = """
            INSERT INTO demand_audience (demand_id, enterprise_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])
            ON CONFLICT DO NOTHING RETURNING demand_id, enterprise_id""";

    private static final String NOTIFY = """
            INSERT INTO notification (id, recipient_kind, enterprise_id, region_code, event_id, event_type, demand_id, title, body, created_at,
                publisher_region)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[],
                $9::text[], $10::timestamptz[], $11::text[])""";

    private final DeliveryFanOut fanOut;
    private final Pool pool;

    public InboxService(DeliveryFanOut fanOut, Pool pool) {
        this.fanOut = fanOut;
        this.pool = pool;
    }

    /** An event of the match topic as the consumer read it. */
    public sealed interface MatchEvent permits Matched, Moved {
        String eventId();

        EventFacts facts();
    }

    /** A demand's ranked candidates. */
    public record Matched(String eventId, DemandMatched event, EventFacts facts) implements MatchEvent {
    }

    /** A move in one match's lifecycle ({@code type} says which). */
    public record Moved(String eventId, String type, MatchChanged change, EventFacts facts) implements MatchEvent {
    }

    /**
     * Turns match events into notifications (a candidate list: the publisher, each candidate and the bureaus covering the
     * demand's region; a move: see {@link NotificationMapper#forMatchChanged}), into the live stream, and into a webhook
     * delivery per subscription that wants them, in the batch's order. Event ids are recorded in the same
     * transaction, so a replay writes nothing twice. A whole poll's worth in one transaction: per-event transactions
     * capped the service at about 150 events/s on two cores. Written through the SQL client, one multi-row statement
     * per table ({@code unnest} of arrays): a managed entity per row (session, entity objects, flush) cost the service
     * about a sixth more CPU per benchmark run (ADR 0009, Measurements: "Consumer write path through the SQL client").
     */
    public Uni<Void> onMatchEvents(List<MatchEvent> batch) {
        String[] ids = batch.stream().map(MatchEvent::eventId).distinct().toArray(String[]::new);
        DeliveryHandover handover = fanOut.handover();
        return pool.withTransaction(conn -> conn.preparedQuery(PROCESS).execute(Tuple.of((Object) ids)).chain(inserted -> {
            // only the ids this transaction recorded are new: a replayed (or repeated) event is skipped here
            Set<String> fresh = new HashSet<>();
            inserted.forEach(r -> fresh.add(r.getString(0)));
            if (fresh.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<MatchEvent> todo = batch.stream().filter(m -> fresh.remove(m.eventId())).toList();
            List<UUID[]> pairs = new ArrayList<>();
            for (MatchEvent e : todo) {
                if (e instanceof Matched m) {
                    pairs.add(new UUID[] {m.event().demandId(), m.event().publisherId()});
                    m.event().candidates().forEach(c -> pairs.add(new UUID[] {m.event().demandId(), c.enterpriseId()}));
                }
            }
            Tuple audience = Tuple.of(pairs.stream().map(p -> p[0]).toArray(UUID[]::new), pairs.stream().map(p -> p[1]).toArray(UUID[]::new));
            return conn.preparedQuery(AUDIENCE).execute(audience).chain(recorded -> {
                // who has not heard of the demand before: a repeated candidate list (reverse matching) notifies only
                // newcomers; the first event of the batch to name a newcomer notifies it
                Set<String> unheard = new HashSet<>();
                recorded.forEach(r -> unheard.add(r.getUUID(0) + "|" + r.getUUID(1)));
                List<Notification> notifications = new ArrayList<>();
                List<EventFacts> facts = new ArrayList<>(todo.size());
                for (MatchEvent e : todo) {
                    facts.add(e.facts());
                    if (e instanceof Moved moved) {
                        notifications.addAll(NotificationMapper.forMatchChanged(moved.eventId(), moved.type(), moved.change()));
                        continue;
                    }
                    Matched m = (Matched) e;
                    DemandMatched event = m.event();
                    boolean firstForDemand = unheard.remove(event.demandId() + "|" + event.publisherId());
                    List<DemandMatched.Candidate> newcomers = event.candidates().stream()
                            .filter(c -> unheard.remove(event.demandId() + "|" + c.enterpriseId())).toList();
                    if (firstForDemand || !newcomers.isEmpty()) {
                        notifications.addAll(NotificationMapper.forDemandMatched(m.eventId(), event, newcomers, firstForDemand));
                    }
                }
                return insertNotifications(conn, notifications).chain(() -> fanOut.fanOut(conn, facts, handover)).replaceWithVoid();
            });
        })).onItemOrFailure().invoke((done, failure) -> {
            // leased rows go to the dispatcher only once committed; a failed batch gives its places back
            if (failure == null) {
                handover.committed();
            } else {
                handover.abandoned();
            }
        });
    }

    private static Uni<Void> insertNotifications(SqlConnection conn, List<Notification> ns) {
        if (ns.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(NOTIFY).execute(UnnestRows.arrays(ns,
                UnnestRows.column(UUID.class, n -> n.id), UnnestRows.column(String.class, n -> n.recipientKind.name()),
                UnnestRows.column(UUID.class, n -> n.enterpriseId), UnnestRows.column(String.class, n -> n.regionCode),
                UnnestRows.column(String.class, n -> n.eventId), UnnestRows.column(String.class, n -> n.eventType),
                UnnestRows.column(UUID.class, n -> n.demandId), UnnestRows.column(String.class, n -> n.title),
                UnnestRows.column(String.class, n -> n.body), UnnestRows.time(n -> n.createdAt),
                UnnestRows.column(String.class, n -> n.publisherRegion))).replaceWithVoid();
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
                    : caller.isOperator() || caller.isBureau() && caller.regionPrefix().filter(p -> shownToBureau(n, p)).isPresent());
            if (!mine) {
                throw ProblemException.notFound("Notification", id);
            }
            n.readAt = read ? (n.readAt != null ? n.readAt : Instant.now()) : null;
            return NotificationMapper.toView(n);
        });
    }

    /** A bureau notification this bureau's inbox shows (see {@link #inbox}). */
    private static boolean shownToBureau(Notification n, String prefix) {
        return n.regionCode != null && n.regionCode.startsWith(prefix) && (n.publisherRegion == null || !n.publisherRegion.startsWith(prefix));
    }

    /** The caller's inbox, newest first: an enterprise's own, a bureau's region, or (operator, partner) a named enterprise's. */
    @WithSession
    public Uni<Page<NotificationView>> inbox(Caller caller, UUID enterpriseId, boolean unreadOnly, int page, int size) {
        return inbox(caller, enterpriseId, unreadOnly, null, null, page, size);
    }

    @WithSession
    public Uni<Page<NotificationView>> inbox(Caller caller, UUID enterpriseId, boolean unreadOnly, String eventType, UUID demandId, int page, int size) {
        StringBuilder where = new StringBuilder();
        Parameters params = new Parameters();
        if (caller.isBureau()) {
            String prefix = caller.regionPrefix().orElseThrow(() -> ProblemException.forbidden("The bureau token names no region"));
            // a notification about the candidates of a demand published elsewhere, unless the bureau covers that too
            // (then it has the whole demand's)
            where.append("recipientKind = :bureau and regionCode like :prefix and (publisherRegion is null or publisherRegion not like :prefix)");
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
        PanacheQuery<Notification> query = Notification.find(where.toString(), Sort.descending("createdAt").and("id", Sort.Direction.Descending), params);
        return Pages.countThenList(query, page, size).map(found -> found.map(NotificationMapper::toView));
    }
}

package org.rongtong.notification.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.notification.model.Delivery;
import org.rongtong.notification.model.Subscription;
import org.rongtong.outbox.TraceContext;
import org.rongtong.ids.UuidV7;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The delivery table as the dispatcher's queue, in plain SQL: the one class of the webhook path that speaks to the
 * database. The consumer's batch enqueues (the heads leased at once for the hand-over, ADR 0010). Claims lease due rows with {@code FOR UPDATE SKIP LOCKED} (so replicas share the work) by pushing
 * {@code next_attempt_at} past the attempt's timeout, so a crash mid-send only delays a delivery; outcomes end the lease.
 * Statuses are spelled by the model's names ({@link #sql}); the literal stays in the text, where the partial indexes of
 * V4 can match it.
 */
@ApplicationScoped
public class DeliveryQueue {

    /**
     * Claims, per active subscription, at most the room its target has left ({@code $1}/{@code $3}: known targets and
     * their room, {@code $2}: the room of a target not seen yet), {@code $5} in all. Each subscription's due rows are
     * read through its own index, so a full target costs nothing and nothing is claimed only to be handed back. Only the
     * head of a subscription's pending rows of one aggregate is claimed (order per aggregate): a per-row subquery with
     * {@code LIMIT 1} on {@code delivery_aggregate}, written so because as an anti-join the planner, before a fresh table
     * has statistics, compared every due row with every pending one (see V4).
     */
    private static final String CLAIM = sql("""
            WITH wanted AS (
                SELECT s.id, COALESCE(r.room, $2) AS room
                FROM subscription s LEFT JOIN unnest($1::uuid[], $3::int[]) AS r(id, room) ON r.id = s.id
                WHERE s.status = {ACTIVE}),
            due AS (
                SELECT c.id FROM wanted w CROSS JOIN LATERAL (
                    SELECT d.id FROM delivery d
                    WHERE d.subscription_id = w.id AND d.status = {PENDING} AND d.next_attempt_at <= now()
                      AND d.id = (SELECT e.id FROM delivery e
                                  WHERE e.subscription_id = d.subscription_id AND e.aggregate_id = d.aggregate_id
                                    AND e.status = {PENDING}
                                  ORDER BY e.created_at, e.id LIMIT 1)
                    ORDER BY d.next_attempt_at
                    LIMIT w.room
                    FOR UPDATE OF d SKIP LOCKED) c
                WHERE w.room > 0
                LIMIT $5)
            UPDATE delivery d SET next_attempt_at = now() + make_interval(secs => $4)
            FROM subscription s
            WHERE d.id IN (SELECT id FROM due) AND s.id = d.subscription_id
            RETURNING d.id, d.subscription_id, d.event_id, d.payload, d.created_at, s.url, s.secret, s.previous_secret, s.previous_secret_until,
                d.traceparent, d.tracestate""");

    /**
     * A candidate for the hand-over ({@code $8}) is written leased ({@code $11} seconds) unless an earlier delivery of its
     * subscription and aggregate is still pending; the per-row probe with {@code LIMIT 1} stays an index lookup on
     * {@code delivery_aggregate} whatever the statistics say. Returns which rows were leased.
     */
    private static final String ENQUEUE = sql("""
            INSERT INTO delivery (id, subscription_id, event_id, event_type, aggregate_id, payload, status, attempts, next_attempt_at, created_at,
                traceparent, tracestate)
            SELECT id, sub, ev, typ, agg, payload, {PENDING}, 0,
                CASE WHEN handover AND (SELECT 1 FROM delivery e WHERE e.subscription_id = t.sub AND e.aggregate_id = t.agg
                                                                  AND e.status = {PENDING} LIMIT 1) IS NULL
                     THEN now() + make_interval(secs => $11) ELSE at END,
                at, tp, ts
            FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::bool[],
                        $9::text[], $10::text[])
                AS t(id, sub, ev, typ, agg, payload, at, handover, tp, ts)
            RETURNING id, next_attempt_at > created_at AS leased""");

    /** Ends the lease of deliveries this replica holds but has not sent. */
    private static final String GIVE_BACK = sql("""
            UPDATE delivery SET next_attempt_at = now() WHERE id = ANY($1::uuid[]) AND status = {PENDING}""");

    /**
     * The common case for many deliveries in one statement (atomic on its own): log each attempt, mark each delivered,
     * reset the failure count of their subscriptions. One commit per batch instead of one per delivery.
     */
    private static final String SUCCEEDED_MANY = sql("""
            WITH done AS (
                SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::bigint[], $5::timestamptz[])
                    AS t(attempt_id, delivery_id, status_code, latency_ms, attempted_at)),
            attempt AS (
                INSERT INTO delivery_attempt (id, delivery_id, attempt, status_code, error, latency_ms, attempted_at)
                SELECT t.attempt_id, t.delivery_id, (SELECT count(*) + 1 FROM delivery_attempt a WHERE a.delivery_id = t.delivery_id),
                       t.status_code, NULL, t.latency_ms, t.attempted_at
                FROM done t),
            healthy AS (
                UPDATE subscription SET consecutive_failures = 0 WHERE id = ANY($6::uuid[]) AND consecutive_failures <> 0)
            UPDATE delivery d SET status = {DELIVERED}, attempts = d.attempts + 1, last_status_code = t.status_code,
                last_error = NULL, last_latency_ms = t.latency_ms, delivered_at = t.attempted_at
            FROM done t
            WHERE d.id = t.delivery_id""");

    /** One delivery alone: what a batch falls back to when it fails as a whole (e.g. a subscription deleted meanwhile). */
    private static final String SUCCEEDED_ONE = sql("""
            WITH attempt AS (
                INSERT INTO delivery_attempt (id, delivery_id, attempt, status_code, error, latency_ms, attempted_at)
                VALUES ($1, $2, (SELECT count(*) + 1 FROM delivery_attempt WHERE delivery_id = $2), $3, NULL, $4, now())),
            healthy AS (
                UPDATE subscription SET consecutive_failures = 0 WHERE id = $5 AND consecutive_failures <> 0)
            UPDATE delivery SET status = {DELIVERED}, attempts = attempts + 1, last_status_code = $3, last_error = NULL,
                last_latency_ms = $4, delivered_at = now()
            WHERE id = $2""");

    private static final String ATTEMPTS = "SELECT attempts FROM delivery WHERE id = $1";

    private static final String ATTEMPT = """
            INSERT INTO delivery_attempt (id, delivery_id, attempt, status_code, error, latency_ms, attempted_at)
            VALUES ($1, $2, (SELECT count(*) + 1 FROM delivery_attempt WHERE delivery_id = $2), $3, $4, $5, now())""";

    private static final String FAILED = sql("""
            UPDATE delivery SET attempts = attempts + 1, last_status_code = $2, last_error = $3, last_latency_ms = $4,
                status = CASE WHEN $5::boolean THEN {FAILED} ELSE {PENDING} END,
                next_attempt_at = now() + make_interval(secs => $6)
            WHERE id = $1""");

    private static final String UNHEALTHY = sql("""
            UPDATE subscription SET consecutive_failures = consecutive_failures + 1,
                status = CASE WHEN consecutive_failures + 1 >= $2 THEN {PAUSED} ELSE status END
            WHERE id = $1
            RETURNING status, consecutive_failures, owner_role, owner_enterprise_id, owner_region, url""");

    private static final String TELL_OWNER = """
            INSERT INTO notification (id, recipient_kind, enterprise_id, region_code, event_id, event_type, title, body, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())""";

    private final Pool pool;
    private final SecretBox secrets;
    private final SubscriptionHealth health;

    public DeliveryQueue(Pool pool, SecretBox secrets, SubscriptionHealth health) {
        this.pool = pool;
        this.secrets = secrets;
        this.health = health;
    }

    /** The statement with {@code {NAME}} replaced by the quoted status of that name. */
    static String sql(String text) {
        return text.replace("{PENDING}", quoted(Delivery.PENDING)).replace("{DELIVERED}", quoted(Delivery.DELIVERED))
                .replace("{FAILED}", quoted(Delivery.FAILED)).replace("{ACTIVE}", quoted(Subscription.Status.ACTIVE.name()))
                .replace("{PAUSED}", quoted(Subscription.Status.PAUSED.name()));
    }

    private static String quoted(String name) {
        return "'" + name + "'";
    }

    /**
     * Writes a consumer batch's deliveries in its transaction ({@code conn}); those among {@code candidates} that head
     * their subscription and aggregate are written leased for {@code leaseSeconds}. Answers the ids leased.
     */
    public Uni<List<UUID>> enqueue(SqlConnection conn, List<Delivery> deliveries, Set<UUID> candidates, double leaseSeconds) {
        Tuple args = UnnestRows.arrays(deliveries,
                UnnestRows.column(UUID.class, d -> d.id), UnnestRows.column(UUID.class, d -> d.subscriptionId),
                UnnestRows.column(String.class, d -> d.eventId), UnnestRows.column(String.class, d -> d.eventType),
                UnnestRows.column(String.class, d -> d.aggregateId), UnnestRows.column(String.class, d -> d.payload),
                UnnestRows.time(d -> d.createdAt), UnnestRows.column(Boolean.class, d -> candidates.contains(d.id)),
                UnnestRows.column(String.class, d -> d.traceparent), UnnestRows.column(String.class, d -> d.tracestate));
        args.addValue(leaseSeconds);
        return conn.preparedQuery(ENQUEUE).execute(args).map(rows -> {
            List<UUID> leased = new ArrayList<>();
            rows.forEach(r -> {
                if (r.getBoolean("leased")) {
                    leased.add(r.getUUID("id"));
                }
            });
            return leased;
        });
    }

    /**
     * Claims what is due for targets with room ({@code targets}/{@code room}; {@code newTargetRoom} for a subscription
     * not listed), at most {@code limit} in all, each leased for {@code leaseSeconds}.
     */
    public Uni<List<DueDelivery>> claim(UUID[] targets, Integer[] room, int newTargetRoom, double leaseSeconds, int limit) {
        return pool.preparedQuery(CLAIM).execute(Tuple.from(Arrays.asList(targets, newTargetRoom, room, leaseSeconds, limit)))
                .map(rows -> {
                    List<DueDelivery> due = new ArrayList<>();
                    rows.forEach(row -> due.add(due(row)));
                    return due;
                });
    }

    private DueDelivery due(Row row) {
        String traceparent = row.getString("traceparent");
        return new DueDelivery(row.getUUID("id"), row.getUUID("subscription_id"), row.getString("event_id"), row.getString("payload"),
                row.getString("url"), secrets.open(row.getString("secret")), secrets.open(row.getString("previous_secret")),
                row.getOffsetDateTime("previous_secret_until"),
                traceparent == null ? TraceContext.NONE : new TraceContext(traceparent, row.getString("tracestate")));
    }

    /** Ends the leases of deliveries not sent, so that another replica (or this one restarted) need not wait them out. */
    public Uni<Void> giveBack(List<UUID> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(GIVE_BACK).execute(Tuple.of((Object) deliveries.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** A successful attempt, to be written with others. */
    public record Delivered(UUID attemptId, UUID delivery, UUID subscription, int status, long latencyMs, OffsetDateTime at) {
    }

    /** Writes many successes in one statement; all or none. */
    public Uni<Void> succeeded(List<Delivered> batch) {
        Tuple args = Tuple.from(Arrays.asList(
                batch.stream().map(Delivered::attemptId).toArray(UUID[]::new),
                batch.stream().map(Delivered::delivery).toArray(UUID[]::new),
                batch.stream().map(Delivered::status).toArray(Integer[]::new),
                batch.stream().map(Delivered::latencyMs).toArray(Long[]::new),
                batch.stream().map(Delivered::at).toArray(OffsetDateTime[]::new),
                batch.stream().map(Delivered::subscription).distinct().toArray(UUID[]::new)));
        return pool.preparedQuery(SUCCEEDED_MANY).execute(args).replaceWithVoid();
    }

    public Uni<Void> succeeded(Delivered one) {
        return pool.preparedQuery(SUCCEEDED_ONE)
                .execute(Tuple.of(one.attemptId(), one.delivery(), one.status(), one.latencyMs(), one.subscription()))
                .replaceWithVoid();
    }

    /** What recording a failure decided, once committed. */
    public record FailureRecorded(boolean parked, boolean paused) {
    }

    /**
     * A failed attempt in one transaction: logged; the delivery retried after a backoff or parked as failed; its
     * subscription one failure less healthy, paused at the limit, and its owner told then.
     */
    public Uni<FailureRecorded> failed(UUID delivery, UUID subscription, Integer status, String error, long latencyMs) {
        return pool.withTransaction(conn -> {
            Uni<?> attempt = conn.preparedQuery(ATTEMPT).execute(Tuple.of(UuidV7.next(), delivery, status, error, latencyMs));
            String lastError = error != null ? error : "HTTP " + status;
            return conn.preparedQuery(ATTEMPTS).execute(Tuple.of(delivery)).chain(rows -> {
                int before = rows.iterator().hasNext() ? rows.iterator().next().getInteger("attempts") : 0;
                boolean parked = health.parks(before + 1);
                double retryIn = health.backoff(before + 1).toMillis() / 1000.0;
                return attempt.chain(() -> conn.preparedQuery(FAILED)
                        .execute(Tuple.from(Arrays.asList(delivery, status, lastError, latencyMs, parked, retryIn))))
                        .chain(() -> unhealthy(conn, subscription))
                        .map(paused -> new FailureRecorded(parked, paused));
            });
        });
    }

    private Uni<Boolean> unhealthy(SqlConnection conn, UUID subscription) {
        return conn.preparedQuery(UNHEALTHY).execute(Tuple.of(subscription, health.pauseAfter())).chain(rows -> {
            if (!rows.iterator().hasNext()) {
                return Uni.createFrom().item(false);
            }
            Row s = rows.iterator().next();
            if (!health.justPaused(s.getString("status"), s.getInteger("consecutive_failures"))) {
                return Uni.createFrom().item(false);
            }
            return health.pausedNotice(subscription, s.getString("owner_role"), s.getUUID("owner_enterprise_id"), s.getString("owner_region"),
                    s.getString("url"), Instant.now())
                    .map(notice -> conn.preparedQuery(TELL_OWNER).execute(Tuple.from(Arrays.asList(UuidV7.next(), notice.recipient().name(),
                            notice.enterpriseId(), notice.region(), notice.eventId(), SubscriptionHealth.PAUSED_EVENT_TYPE, notice.title(),
                            notice.body()))).replaceWith(true))
                    .orElseGet(() -> Uni.createFrom().item(true));
        });
    }
}

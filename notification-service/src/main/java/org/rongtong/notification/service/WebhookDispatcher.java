package org.rongtong.notification.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.rongtong.notification.config.WebhookConfig;
import org.rongtong.outbox.UuidV7;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends due webhook deliveries. The delivery table is the queue: each round claims due rows with
 * {@code FOR UPDATE SKIP LOCKED} (so replicas share the work) and leases them by pushing {@code next_attempt_at} past the
 * attempt's timeout, so a crash mid-send only delays a delivery. A delivery is held back while an earlier one of the same
 * subscription and aggregate is pending (order per aggregate). Each subscription has its own share of in-flight requests,
 * so a slow receiver only slows itself.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private static final String CLAIM = """
            WITH due AS (
                SELECT d.id FROM delivery d JOIN subscription s ON s.id = d.subscription_id
                WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND s.status = 'ACTIVE'
                  AND NOT (d.subscription_id = ANY($2))
                  AND NOT EXISTS (SELECT 1 FROM delivery e
                                  WHERE e.subscription_id = d.subscription_id AND e.aggregate_id = d.aggregate_id
                                    AND e.status = 'PENDING' AND (e.created_at, e.id) < (d.created_at, d.id))
                ORDER BY d.next_attempt_at, d.created_at, d.id
                LIMIT $1
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE delivery d SET next_attempt_at = now() + make_interval(secs => $3)
            FROM subscription s
            WHERE d.id IN (SELECT id FROM due) AND s.id = d.subscription_id
            RETURNING d.id, d.subscription_id, d.event_id, d.payload, d.created_at, s.url, s.secret, s.previous_secret, s.previous_secret_until""";

    private static final String RELEASE = "UPDATE delivery SET next_attempt_at = now() WHERE id = ANY($1)";

    private static final String ATTEMPT = """
            INSERT INTO delivery_attempt (id, delivery_id, attempt, status_code, error, latency_ms, attempted_at)
            VALUES ($1, $2, (SELECT count(*) + 1 FROM delivery_attempt WHERE delivery_id = $2), $3, $4, $5, now())""";

    private static final String FAILED = """
            UPDATE delivery SET attempts = attempts + 1, last_status_code = $2, last_error = $3, last_latency_ms = $4,
                status = CASE WHEN attempts + 1 >= $5 THEN 'FAILED' ELSE 'PENDING' END,
                next_attempt_at = now() + make_interval(secs => $6)
            WHERE id = $1""";

    /** The common case in one statement (atomic on its own): log the attempt, mark delivered, reset the failure count. */
    private static final String SUCCEEDED_ALL = """
            WITH attempt AS (
                INSERT INTO delivery_attempt (id, delivery_id, attempt, status_code, error, latency_ms, attempted_at)
                VALUES ($1, $2, (SELECT count(*) + 1 FROM delivery_attempt WHERE delivery_id = $2), $3, NULL, $4, now())),
            healthy AS (
                UPDATE subscription SET consecutive_failures = 0 WHERE id = $5 AND consecutive_failures <> 0)
            UPDATE delivery SET status = 'DELIVERED', attempts = attempts + 1, last_status_code = $3, last_error = NULL,
                last_latency_ms = $4, delivered_at = now()
            WHERE id = $2""";

    private static final String UNHEALTHY = """
            UPDATE subscription SET consecutive_failures = consecutive_failures + 1,
                status = CASE WHEN consecutive_failures + 1 >= $2 THEN 'PAUSED' ELSE status END
            WHERE id = $1
            RETURNING status, consecutive_failures, owner_kind, owner_enterprise_id, owner_region, url""";

    private static final String TELL_OWNER = """
            INSERT INTO notification (id, recipient_kind, enterprise_id, region_code, event_id, event_type, title, body, created_at)
            VALUES ($1, $2, $3, $4, $5, 'rongtong.notification.subscription.paused', $6, $7, now())""";

    private final Pool pool;
    private final WebhookConfig config;
    private final TargetPolicy policy;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "webhook-io");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;
    private final Map<UUID, Target> targets = new ConcurrentHashMap<>();
    private final Semaphore inFlight;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread loop;
    private volatile boolean running;

    public WebhookDispatcher(Pool pool, WebhookConfig config, TargetPolicy targets) {
        this.pool = pool;
        this.config = config;
        this.policy = targets;
        this.inFlight = new Semaphore(config.maxInFlight());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(workers)
                .connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void onStart(@Observes StartupEvent start) {
        if (config.dispatcherEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    /** Stops claiming; requests in flight finish (or time out) and record their outcome. */
    public synchronized void stop() {
        running = false;
        Thread t = loop;
        if (t != null) {
            wake();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        loop = null;
    }

    public boolean running() {
        return running;
    }

    /** New deliveries were committed: claim now instead of at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        while (running) {
            int claimed = 0;
            try {
                claimed = round();
            } catch (RuntimeException e) {
                LOG.warnf("Webhook round failed, retrying: %s", e.getMessage());
            }
            if (claimed == 0) {
                try {
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One subscription's target: requests in flight to it, and claimed deliveries waiting for a free slot. */
    private static final class Target {
        final AtomicInteger inFlight = new AtomicInteger();
        final ConcurrentLinkedQueue<Row> waiting = new ConcurrentLinkedQueue<>();

        int backlog() {
            return inFlight.get() + waiting.size();
        }
    }

    /** Claims what is due and starts what the targets' slots allow; answers how many it claimed (0 when it should wait). */
    private int round() {
        targets.values().forEach(this::drain);
        int capacity = Math.min(config.batchSize(), Math.max(0, inFlight.availablePermits() * 2 - waiting()));
        if (capacity == 0) {
            return 0;
        }
        // a target with a full backlog (twice its slots) gets nothing more until it catches up
        int bound = config.perTargetConcurrency() * 2;
        UUID[] saturated = targets.entrySet().stream()
                .filter(e -> e.getValue().backlog() >= bound).map(Map.Entry::getKey).toArray(UUID[]::new);
        double lease = config.timeout().toMillis() / 1000.0 + 30;
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(CLAIM).execute(Tuple.of(capacity, saturated, lease)).await().atMost(Duration.ofSeconds(30))
                .forEach(rows::add);
        List<UUID> release = new ArrayList<>();
        for (Row row : rows) {
            Target target = targets.computeIfAbsent(row.getUUID("subscription_id"), k -> new Target());
            if (target.backlog() >= bound) {
                release.add(row.getUUID("id"));
            } else {
                target.waiting.add(row);
            }
        }
        if (!release.isEmpty()) {
            pool.preparedQuery(RELEASE).execute(Tuple.of(release.toArray(UUID[]::new))).await().atMost(Duration.ofSeconds(30));
        }
        targets.values().forEach(this::drain);
        return rows.size() - release.size();
    }

    private int waiting() {
        return targets.values().stream().mapToInt(t -> t.waiting.size()).sum();
    }

    /** Starts waiting deliveries while the target has a free slot; a slot frees as soon as the HTTP exchange ends. */
    private void drain(Target target) {
        while (!target.waiting.isEmpty()) {
            if (target.inFlight.incrementAndGet() > config.perTargetConcurrency()) {
                target.inFlight.decrementAndGet();
                return;
            }
            if (!inFlight.tryAcquire()) {
                target.inFlight.decrementAndGet();
                return;
            }
            Row row = target.waiting.poll();
            if (row == null) {
                target.inFlight.decrementAndGet();
                inFlight.release();
                return;
            }
            send(row, () -> {
                target.inFlight.decrementAndGet();
                inFlight.release();
                drain(target);
            }).whenComplete((ok, failure) -> {
                wake();
                if (failure != null) {
                    LOG.warnf(failure, "Recording the outcome of delivery %s failed; its lease will expire and it will be retried", row.getUUID("id"));
                }
            });
        }
    }

    private CompletableFuture<Void> send(Row row, Runnable exchanged) {
        UUID id = row.getUUID("id");
        UUID subscription = row.getUUID("subscription_id");
        String url = row.getString("url");
        String eventId = row.getString("event_id");
        String body = row.getString("payload");
        String secret = row.getString("secret");
        String previous = row.getString("previous_secret");
        OffsetDateTime previousUntil = row.getOffsetDateTime("previous_secret_until");
        long startedAt = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> policy.refusal(url), workers).thenCompose(refusal -> {
            if (refusal.isPresent()) {
                return CompletableFuture.completedFuture(new Outcome(null, "target refused: " + refusal.get()));
            }
            long timestamp = Instant.now().getEpochSecond();
            String signature = WebhookSigner.sign(secret, eventId, timestamp, body);
            if (previous != null && previousUntil != null && previousUntil.toInstant().isAfter(Instant.now())) {
                // during a rotation's grace period both secrets sign, space-separated, so receivers can switch at will
                signature += " " + WebhookSigner.sign(previous, eventId, timestamp, body);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                    .header("content-type", "application/cloudevents+json; charset=utf-8")
                    .header("webhook-id", eventId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature)
                    .header("user-agent", "rongtong-webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(response -> new Outcome(response.statusCode(), null))
                    .exceptionally(failure -> new Outcome(null, describe(failure)));
        }).exceptionally(failure -> new Outcome(null, describe(failure))).thenCompose(outcome -> {
            exchanged.run();
            return CompletableFuture.completedFuture(outcome);
        }).thenCompose(outcome -> record(id, subscription, outcome, (System.nanoTime() - startedAt) / 1_000_000)
                .subscribeAsCompletionStage());
    }

    private record Outcome(Integer status, String error) {
        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String text = cause instanceof HttpTimeoutException ? "timed out" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private Uni<Void> record(UUID id, UUID subscription, Outcome outcome, long latencyMs) {
        if (outcome.succeeded()) {
            return pool.preparedQuery(SUCCEEDED_ALL).execute(Tuple.of(UuidV7.next(), id, outcome.status(), latencyMs, subscription))
                    .replaceWithVoid();
        }
        return pool.withTransaction(conn -> {
            Uni<?> attempt = conn.preparedQuery(ATTEMPT)
                    .execute(Tuple.of(UuidV7.next(), id, outcome.status(), outcome.error(), latencyMs));
            String error = outcome.error() != null ? outcome.error() : "HTTP " + outcome.status();
            return conn.preparedQuery("SELECT attempts FROM delivery WHERE id = $1").execute(Tuple.of(id))
                    .chain(rows -> {
                        int attempts = rows.iterator().hasNext() ? rows.iterator().next().getInteger("attempts") : 0;
                        return attempt.chain(() -> conn.preparedQuery(FAILED).execute(Tuple.from(Arrays.asList(id, outcome.status(), error,
                                latencyMs, config.maxAttempts(), backoff(attempts + 1).toMillis() / 1000.0))));
                    })
                    .chain(() -> conn.preparedQuery(UNHEALTHY).execute(Tuple.of(subscription, config.pauseAfter())))
                    .chain(rows -> {
                        if (!rows.iterator().hasNext()) {
                            return Uni.createFrom().voidItem();
                        }
                        Row s = rows.iterator().next();
                        boolean justPaused = "PAUSED".equals(s.getString("status")) && s.getInteger("consecutive_failures") == config.pauseAfter();
                        return justPaused ? tellOwner(conn, subscription, s) : Uni.createFrom().voidItem();
                    });
        });
    }

    /** The owner learns from its inbox that its subscription was paused (a platform-owned one only from the API). */
    private Uni<Void> tellOwner(SqlConnection conn, UUID subscription, Row s) {
        String kind = s.getString("owner_kind");
        if ("PLATFORM".equals(kind)) {
            LOG.warnf("Subscription %s paused after %d consecutive failures", subscription, config.pauseAfter());
            return Uni.createFrom().voidItem();
        }
        String recipient = "ENTERPRISE".equals(kind) ? "ENTERPRISE" : "BUREAU";
        String title = "Webhook 订阅已暂停 / subscription paused";
        String body = "Subscription " + subscription + " to " + s.getString("url") + " failed " + config.pauseAfter()
                + " times in a row and is paused; fix the receiver, then POST /api/v1/subscriptions/" + subscription + "/resume.";
        return conn.preparedQuery(TELL_OWNER).execute(Tuple.from(Arrays.asList(UuidV7.next(), recipient, s.getUUID("owner_enterprise_id"),
                s.getString("owner_region"), "subscription-paused-" + subscription + "-" + Instant.now().toEpochMilli(), title, body)))
                .replaceWithVoid();
    }

    /** Exponential: initial × 2^(n-1), capped; the upper half jittered so retries of many deliveries spread out. */
    Duration backoff(int attemptsSoFar) {
        long base = config.initialBackoff().toMillis() << Math.min(attemptsSoFar - 1, 20);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}

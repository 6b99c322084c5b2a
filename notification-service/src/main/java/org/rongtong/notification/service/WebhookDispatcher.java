package org.rongtong.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.rongtong.events.CloudEventHeaders;
import org.rongtong.notification.config.WebhookConfig;
import org.rongtong.notification.metrics.NotificationMetrics;
import org.rongtong.outbox.TraceContext;
import org.rongtong.ids.UuidV7;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
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

    /** Rounds of a target's slots claimed ahead: two in flight or waiting, two more before a refill is due. */
    private static final int BUFFERED_WAVES = 4;

    /** Successes written in one statement at most. */
    private static final int MAX_RECORD_BATCH = 500;

    /**
     * Claims, per active subscription, at most the room its target has left ({@code $1}/{@code $3}: known targets and
     * their room, {@code $2}: the room of a target not seen yet), {@code $5} in all. Each subscription's due rows are
     * read through its own index, so a full target costs nothing and nothing is claimed only to be handed back. Only the
     * head of a subscription's pending rows of one aggregate is claimed (order per aggregate): a per-row subquery with
     * {@code LIMIT 1} on {@code delivery_aggregate}, written so because as an anti-join the planner, before a fresh table
     * has statistics, compared every due row with every pending one (see V4).
     */
    private static final String CLAIM = """
            WITH wanted AS (
                SELECT s.id, COALESCE(r.room, $2) AS room
                FROM subscription s LEFT JOIN unnest($1::uuid[], $3::int[]) AS r(id, room) ON r.id = s.id
                WHERE s.status = 'ACTIVE'),
            due AS (
                SELECT c.id FROM wanted w CROSS JOIN LATERAL (
                    SELECT d.id FROM delivery d
                    WHERE d.subscription_id = w.id AND d.status = 'PENDING' AND d.next_attempt_at <= now()
                      AND d.id = (SELECT e.id FROM delivery e
                                  WHERE e.subscription_id = d.subscription_id AND e.aggregate_id = d.aggregate_id
                                    AND e.status = 'PENDING'
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
                d.traceparent, d.tracestate""";

    /** Ends the lease of deliveries this dispatcher holds but has not sent (at stop). */
    private static final String GIVE_BACK = """
            UPDATE delivery SET next_attempt_at = now() WHERE id = ANY($1::uuid[]) AND status = 'PENDING'""";

    private static final String ATTEMPT = """
            INSERT INTO delivery_attempt (id, delivery_id, attempt, status_code, error, latency_ms, attempted_at)
            VALUES ($1, $2, (SELECT count(*) + 1 FROM delivery_attempt WHERE delivery_id = $2), $3, $4, $5, now())""";

    private static final String FAILED = """
            UPDATE delivery SET attempts = attempts + 1, last_status_code = $2, last_error = $3, last_latency_ms = $4,
                status = CASE WHEN attempts + 1 >= $5 THEN 'FAILED' ELSE 'PENDING' END,
                next_attempt_at = now() + make_interval(secs => $6)
            WHERE id = $1""";

    /**
     * The common case for many deliveries in one statement (atomic on its own): log each attempt, mark each delivered,
     * reset the failure count of their subscriptions. One commit per batch instead of one per delivery.
     */
    private static final String SUCCEEDED_MANY = """
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
            UPDATE delivery d SET status = 'DELIVERED', attempts = d.attempts + 1, last_status_code = t.status_code,
                last_error = NULL, last_latency_ms = t.latency_ms, delivered_at = t.attempted_at
            FROM done t
            WHERE d.id = t.delivery_id""";

    /** One delivery alone: what a batch falls back to when it fails as a whole (e.g. a subscription deleted meanwhile). */
    private static final String SUCCEEDED_ONE = """
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
            RETURNING status, consecutive_failures, owner_role, owner_enterprise_id, owner_region, url""";

    private static final String TELL_OWNER = """
            INSERT INTO notification (id, recipient_kind, enterprise_id, region_code, event_id, event_type, title, body, created_at)
            VALUES ($1, $2, $3, $4, $5, 'rongtong.notification.subscription.paused', $6, $7, now())""";

    private final Pool pool;
    private final WebhookConfig config;
    private final TargetPolicy policy;
    private final SecretBox secrets;
    private final Vertx vertx;
    private final Tracer tracer;
    /**
     * Vert.x's client, on the event loops: no thread per exchange. (The JDK client completes every {@code sendAsync} on
     * the common pool, which on a two-core machine means a new thread per response.)
     */
    private final HttpClient http;
    private final NotificationMetrics metrics;
    private final Map<UUID, Target> targets = new ConcurrentHashMap<>();
    private final Semaphore inFlight;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ConcurrentLinkedQueue<Success> delivered = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicLong handedOver = new AtomicLong();
    private final AtomicLong claimed = new AtomicLong();
    private volatile Thread loop;
    /** When the loop last ran the claim query (only the loop thread reads and writes it). */
    private long lastClaim;
    private volatile boolean running;

    public WebhookDispatcher(Vertx vertx, Pool pool, WebhookConfig config, TargetPolicy targets, SecretBox secrets,
            NotificationMetrics metrics, Tracer tracer) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.tracer = tracer;
        this.secrets = secrets;
        this.pool = pool;
        this.config = config;
        this.policy = targets;
        this.inFlight = new Semaphore(config.maxInFlight());
        this.lastClaim = System.nanoTime() - config.pollInterval().toNanos();
        // each subscription bounds its own requests (perTargetConcurrency); the pool only caps connections in all
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) config.timeout().toMillis())
                .setKeepAlive(true).setMaxRedirects(0)
                // traced here, from the delivery's stored context: the consumer's context, current when a batch hands
                // deliveries over, is not the one each delivery belongs to
                .setTracingPolicy(TracingPolicy.IGNORE), new PoolOptions().setHttp1MaxSize(config.maxInFlight()));
    }

    void onStart(@Observes StartupEvent start) {
        if (config.dispatcherEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        stop();
        LOG.infof("Webhook dispatcher stopped: %d deliveries handed over by the consumer, %d claimed from the queue", handedOver.get(), claimed.get());
        http.close();
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

    /**
     * Stops claiming; requests in flight finish (or time out) and record their outcome. Deliveries still waiting for a
     * slot go back to the queue at once, so that another replica, or this one restarted, need not wait out their lease.
     */
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
        giveBackWaiting();
    }

    private void giveBackWaiting() {
        List<UUID> ids = new ArrayList<>();
        for (Target target : targets.values()) {
            Due due;
            while ((due = target.waiting.poll()) != null) {
                ids.add(due.id());
            }
        }
        try {
            giveBack(ids).await().atMost(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            // logged by giveBack
        }
    }

    private Uni<Void> giveBack(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(GIVE_BACK).execute(Tuple.of((Object) ids.toArray(UUID[]::new))).replaceWithVoid()
                .invoke(() -> LOG.infof("Gave %d deliveries not sent back to the queue", ids.size()))
                .onFailure().invoke(e -> LOG.warnf("Could not give %d deliveries back to the queue (%s); their leases will expire",
                        ids.size(), e.getMessage()));
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
            boolean more = false;
            try {
                more = round();
            } catch (RuntimeException e) {
                LOG.warnf("Webhook round failed, retrying: %s", e.getMessage());
            }
            if (!more) {
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

    /**
     * One subscription's target: requests in flight to it, deliveries waiting for a free slot, and slots a consumer
     * batch has reserved for deliveries it is about to commit.
     */
    private static final class Target {
        final AtomicInteger inFlight = new AtomicInteger();
        final ConcurrentLinkedQueue<Due> waiting = new ConcurrentLinkedQueue<>();
        final AtomicInteger reserved = new AtomicInteger();

        int backlog() {
            return inFlight.get() + waiting.size() + reserved.get();
        }
    }

    /** A delivery ready to send: read by the claim, or handed over by the consumer that has just committed it. */
    public record Due(UUID id, UUID subscriptionId, String eventId, String payload, String url, String secret, String previousSecret,
            OffsetDateTime previousSecretUntil, TraceContext trace) {

        static Due of(Row row, SecretBox secrets) {
            String traceparent = row.getString("traceparent");
            return new Due(row.getUUID("id"), row.getUUID("subscription_id"), row.getString("event_id"), row.getString("payload"),
                    row.getString("url"), secrets.open(row.getString("secret")), secrets.open(row.getString("previous_secret")),
                    row.getOffsetDateTime("previous_secret_until"),
                    traceparent == null ? TraceContext.NONE : new TraceContext(traceparent, row.getString("tracestate")));
        }
    }

    /**
     * Reserves up to {@code wanted} places in the subscription's buffer for deliveries the caller is about to commit
     * already leased (see {@link #lease()}), so they need no claim; none while the dispatcher is stopped. Every place
     * granted must come back through {@link #handOver} or {@link #release}.
     */
    public int reserve(UUID subscription, int wanted) {
        if (!running || wanted <= 0) {
            return 0;
        }
        Target target = targets.computeIfAbsent(subscription, k -> new Target());
        while (true) {
            int reserved = target.reserved.get();
            int granted = Math.min(wanted, buffer() - target.backlog());
            if (granted <= 0) {
                return 0;
            }
            if (target.reserved.compareAndSet(reserved, reserved + granted)) {
                return granted;
            }
        }
    }

    /** Places reserved and not used (the rows were not leased, or their transaction failed). */
    public void release(UUID subscription, int places) {
        Target target = targets.get(subscription);
        if (target != null && places > 0) {
            target.reserved.addAndGet(-places);
            // the room is back: a claim may use it
            wake();
        }
    }

    /** Committed, leased deliveries for reserved places: sent as slots free up, without a claim. */
    public void handOver(List<Due> deliveries) {
        if (!running) {
            // stopped since the places were reserved: to the queue, not into memory
            deliveries.forEach(due -> release(due.subscriptionId(), 1));
            giveBack(deliveries.stream().map(Due::id).toList()).subscribe().with(ok -> { }, failure -> { });
            return;
        }
        for (Due due : deliveries) {
            Target target = targets.computeIfAbsent(due.subscriptionId(), k -> new Target());
            target.waiting.add(due);
            target.reserved.decrementAndGet();
            handedOver.incrementAndGet();
        }
        deliveries.stream().map(Due::subscriptionId).distinct().map(targets::get).forEach(this::drain);
    }

    /** How many deliveries came by hand-over rather than by a claim, since start-up (tests and diagnostics). */
    public long handedOver() {
        return handedOver.get();
    }

    /**
     * How long a delivery stays leased when claimed or handed over: the last of a target's buffer may wait for the waves
     * before it, each up to the timeout.
     */
    public Duration lease() {
        return config.timeout().multipliedBy(BUFFERED_WAVES).plusSeconds(30);
    }

    /**
     * Claims what is due and starts what the targets' slots allow; answers whether to go again at once (the round was cut
     * short by the global limit) rather than wait for a wake-up or the poll interval.
     */
    private boolean round() {
        targets.values().forEach(this::drain);
        int capacity = Math.min(config.batchSize(), Math.max(0, inFlight.availablePermits() * 2 - waiting()));
        if (capacity == 0) {
            return false;
        }
        // a target holds at most BUFFERED_WAVES rounds of its slots (in flight plus waiting) and is topped up only once two
        // are free: a full or slow target claims nothing, and claims come in chunks, not a query per finished exchange
        int buffer = buffer();
        int chunk = config.perTargetConcurrency() * 2;
        List<UUID> known = new ArrayList<>(targets.keySet());
        UUID[] ids = known.toArray(UUID[]::new);
        Integer[] room = known.stream().map(id -> {
            int free = buffer - targets.get(id).backlog();
            return free >= chunk ? free : 0;
        }).toArray(Integer[]::new);
        // every known target full: the query could only find subscriptions not seen yet, which the poll interval does
        long now = System.nanoTime();
        if (Arrays.stream(room).allMatch(r -> r == 0) && now - lastClaim < config.pollInterval().toNanos()) {
            return false;
        }
        lastClaim = now;
        double lease = lease().toMillis() / 1000.0;
        List<Due> rows = new ArrayList<>();
        pool.preparedQuery(CLAIM).execute(Tuple.from(Arrays.asList(ids, buffer, room, lease, capacity)))
                .await().atMost(Duration.ofSeconds(30)).forEach(row -> rows.add(Due.of(row, secrets)));
        for (Due due : rows) {
            targets.computeIfAbsent(due.subscriptionId(), k -> new Target()).waiting.add(due);
        }
        claimed.addAndGet(rows.size());
        targets.values().forEach(this::drain);
        return rows.size() >= capacity;
    }

    private int buffer() {
        return config.perTargetConcurrency() * BUFFERED_WAVES;
    }

    private int waiting() {
        return targets.values().stream().mapToInt(t -> t.waiting.size()).sum();
    }

    /** Starts waiting deliveries while the target has a free slot; a slot frees as soon as the HTTP exchange ends. */
    private void drain(Target target) {
        // stopped: what waits is given back to the queue, nothing new starts
        while (running && !target.waiting.isEmpty()) {
            if (target.inFlight.incrementAndGet() > config.perTargetConcurrency()) {
                target.inFlight.decrementAndGet();
                return;
            }
            if (!inFlight.tryAcquire()) {
                target.inFlight.decrementAndGet();
                return;
            }
            Due row = target.waiting.poll();
            if (row == null) {
                target.inFlight.decrementAndGet();
                inFlight.release();
                return;
            }
            send(row, () -> {
                target.inFlight.decrementAndGet();
                inFlight.release();
                drain(target);
                // a chunk's worth of room: claim now, while a wave is still waiting, so the target never runs dry
                if (target.backlog() <= buffer() - config.perTargetConcurrency() * 2) {
                    wake();
                }
            }).whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.warnf(failure, "Recording the outcome of delivery %s failed; its lease will expire and it will be retried", row.id());
                }
            });
        }
    }

    private CompletableFuture<Void> send(Due row, Runnable exchanged) {
        UUID id = row.id();
        UUID subscription = row.subscriptionId();
        String url = row.url();
        long startedAt = System.nanoTime();
        // resolving a host name blocks: off the event loop; an address is only parsed
        Future<TargetPolicy.Checked> checked = TargetPolicy.resolves(url) ? vertx.executeBlocking(() -> policy.check(url), false)
                : Future.succeededFuture(policy.check(url));
        return checked.compose(c -> c.refusal() != null ? Future.succeededFuture(new Outcome(null, "target refused: " + c.refusal()))
                        : exchange(c.target(), row))
                .otherwise(failure -> new Outcome(null, describe(failure)))
                .toCompletionStage().toCompletableFuture()
                .thenCompose(outcome -> {
                    exchanged.run();
                    return record(id, subscription, outcome, (System.nanoTime() - startedAt) / 1_000_000);
                });
    }

    /**
     * One POST, signed, to the address the policy resolved and checked (not to whatever the name resolves to by the
     * time the connection opens); the URL's host still names the server (Host header, TLS SNI and certificate check).
     * The whole exchange (response body included) ends within the timeout or is reset.
     */
    private Future<Outcome> exchange(TargetPolicy.Target target, Due row) {
        String eventId = row.eventId();
        String body = row.payload();
        String previous = row.previousSecret();
        OffsetDateTime previousUntil = row.previousSecretUntil();
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSigner.sign(row.secret(), eventId, timestamp, body);
        if (previous != null && previousUntil != null && previousUntil.toInstant().isAfter(Instant.now())) {
            // during a rotation's grace period both secrets sign, space-separated, so receivers can switch at will
            signature += " " + WebhookSigner.sign(previous, eventId, timestamp, body);
        }
        long timeout = config.timeout().toMillis();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(target.uri().toString())
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setFollowRedirects(false)
                .setConnectTimeout(timeout).setIdleTimeout(timeout)
                .putHeader("content-type", "application/cloudevents+json; charset=utf-8")
                .putHeader("webhook-id", eventId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature)
                .putHeader("user-agent", "rongtong-webhooks/1");
        Span span = span(row, target);
        if (span != null) {
            // the span's own context when tracing is on; with the SDK off the no-op span carries the event's ids on unchanged
            TraceContext sent = TraceContext.of(row.trace().context().with(span));
            options.putHeader(CloudEventHeaders.TRACEPARENT, sent.traceparent());
            if (sent.tracestate() != null) {
                options.putHeader(CloudEventHeaders.TRACESTATE, sent.tracestate());
            }
        }
        return http.request(options).compose(request -> {
            // the idle timeout alone would let a receiver that trickles bytes hold the slot for ever
            long deadline = vertx.setTimer(timeout, t -> request.reset(0, new TimeoutException("timed out")));
            return request.send(Buffer.buffer(body))
                    .compose(response -> response.end().map(ended -> new Outcome(response.statusCode(), null)))
                    .onComplete(done -> vertx.cancelTimer(deadline));
        }).onComplete(done -> ended(span, done.succeeded() ? done.result().status() : null, done.cause()));
    }

    /**
     * The delivery's client span, a child of the event's trace (the REST call that began it, through matching), and its
     * {@code traceparent} on the request so the receiver can continue it (ADR traces-across-kafka). None for an event
     * that came without a trace: a new trace per webhook would tell nobody anything.
     */
    private Span span(Due row, TargetPolicy.Target target) {
        if (row.trace() == null || !row.trace().present()) {
            return null;
        }
        return tracer.spanBuilder("POST webhook").setSpanKind(SpanKind.CLIENT).setParent(row.trace().context())
                .setAttribute("http.request.method", "POST").setAttribute("server.address", target.uri().getHost())
                .setAttribute("rongtong.webhook.event_id", row.eventId()).startSpan();
    }

    private static void ended(Span span, Integer status, Throwable failure) {
        if (span == null) {
            return;
        }
        if (status != null) {
            span.setAttribute("http.response.status_code", status);
        }
        if (failure != null || status == null || status >= 400) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    private record Outcome(Integer status, String error) {
        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /**
     * What the delivery log says of a failed exchange: a generic reason only. The exception's own text names addresses,
     * ports and resolver answers, and the log is read by the subscription's owner, who could otherwise map the
     * service's network by pointing a subscription at it.
     */
    static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException || cause instanceof io.netty.channel.ConnectTimeoutException
                || cause instanceof java.net.SocketTimeoutException) {
            return "timed out";
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return "TLS handshake failed";
        }
        if (cause instanceof java.net.ConnectException || cause instanceof java.net.NoRouteToHostException
                || cause instanceof java.net.UnknownHostException) {
            return "connection failed";
        }
        return "request failed";
    }

    /** A successful exchange waiting to be written with the others of its batch. */
    private record Success(UUID attemptId, UUID delivery, UUID subscription, int status, long latencyMs, OffsetDateTime at,
            CompletableFuture<Void> recorded) {
    }

    private CompletableFuture<Void> record(UUID id, UUID subscription, Outcome outcome, long latencyMs) {
        if (outcome.succeeded()) {
            Success success = new Success(UuidV7.next(), id, subscription, outcome.status(), latencyMs, OffsetDateTime.now(), new CompletableFuture<>());
            delivered.add(success);
            flushDelivered();
            return success.recorded();
        }
        // a failure is rare and has more to do (backoff, pause, owner): its own transaction; the row stays PENDING and
        // keeps later deliveries of its aggregate back, so nothing needs waking
        return recordFailure(id, subscription, outcome, latencyMs).subscribeAsCompletionStage();
    }

    /**
     * Writes the successes gathered so far in one statement; those that arrive meanwhile form the next batch, so the
     * batch grows with the load and a lone delivery is written at once.
     */
    private void flushDelivered() {
        if (delivered.isEmpty() || !flushing.compareAndSet(false, true)) {
            return;
        }
        List<Success> batch = new ArrayList<>();
        Success next;
        while (batch.size() < MAX_RECORD_BATCH && (next = delivered.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            flushing.set(false);
            flushDelivered();
            return;
        }
        Tuple args = Tuple.from(Arrays.asList(
                batch.stream().map(Success::attemptId).toArray(UUID[]::new),
                batch.stream().map(Success::delivery).toArray(UUID[]::new),
                batch.stream().map(Success::status).toArray(Integer[]::new),
                batch.stream().map(Success::latencyMs).toArray(Long[]::new),
                batch.stream().map(Success::at).toArray(OffsetDateTime[]::new),
                batch.stream().map(Success::subscription).distinct().toArray(UUID[]::new)));
        pool.preparedQuery(SUCCEEDED_MANY).execute(args).replaceWithVoid()
                .invoke(() -> metrics.succeeded(batch.size()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Recording %d deliveries at once failed (%s); recording them one by one", batch.size(), failure.getMessage());
                    return Uni.join().all(batch.stream().map(this::recordAlone).toList()).andCollectFailures().replaceWithVoid();
                })
                .subscribe().with(ok -> flushed(batch, null), failure -> flushed(batch, failure));
    }

    private Uni<Void> recordAlone(Success s) {
        return pool.preparedQuery(SUCCEEDED_ONE).execute(Tuple.of(s.attemptId(), s.delivery(), s.status(), s.latencyMs(), s.subscription()))
                .replaceWithVoid().invoke(() -> metrics.succeeded(1));
    }

    private void flushed(List<Success> batch, Throwable failure) {
        flushing.set(false);
        batch.forEach(s -> {
            if (failure == null) {
                s.recorded().complete(null);
            } else {
                s.recorded().completeExceptionally(failure);
            }
        });
        // a delivered row no longer holds back the next one of its aggregate
        wake();
        flushDelivered();
    }

    private Uni<Void> recordFailure(UUID id, UUID subscription, Outcome outcome, long latencyMs) {
        // what the transaction decided, counted once it committed
        boolean[] parked = new boolean[1];
        boolean[] paused = new boolean[1];
        return pool.withTransaction(conn -> {
            Uni<?> attempt = conn.preparedQuery(ATTEMPT)
                    .execute(Tuple.of(UuidV7.next(), id, outcome.status(), outcome.error(), latencyMs));
            String error = outcome.error() != null ? outcome.error() : "HTTP " + outcome.status();
            return conn.preparedQuery("SELECT attempts FROM delivery WHERE id = $1").execute(Tuple.of(id))
                    .chain(rows -> {
                        int attempts = rows.iterator().hasNext() ? rows.iterator().next().getInteger("attempts") : 0;
                        parked[0] = attempts + 1 >= config.maxAttempts();
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
                        paused[0] = justPaused;
                        return justPaused ? tellOwner(conn, subscription, s) : Uni.createFrom().voidItem();
                    });
        }).invoke(() -> {
            metrics.failed(parked[0]);
            if (paused[0]) {
                metrics.paused();
            }
        });
    }

    /** The owner learns from its inbox that its subscription was paused (an operator's or partner's only from the API). */
    private Uni<Void> tellOwner(SqlConnection conn, UUID subscription, Row s) {
        String role = s.getString("owner_role");
        boolean hasInbox = "enterprise".equals(role) && s.getUUID("owner_enterprise_id") != null
                || "bureau".equals(role) && s.getString("owner_region") != null;
        if (!hasInbox) {
            // operators and partners have no inbox of their own: they see the status through the API
            LOG.warnf("Subscription %s paused after %d consecutive failures", subscription, config.pauseAfter());
            return Uni.createFrom().voidItem();
        }
        String recipient = "enterprise".equals(role) ? "ENTERPRISE" : "BUREAU";
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

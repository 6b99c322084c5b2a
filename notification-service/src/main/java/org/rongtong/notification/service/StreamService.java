package org.rongtong.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.rongtong.notification.config.StreamConfig;
import org.rongtong.notification.rest.SubscriptionFilter;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Viewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The live stream. Every open stream is served by one poller shared by all of them: each round runs one query over the
 * time-ordered {@code stream_event} table that joins the new rows with every open stream's scope and filter, so the
 * database returns each row once with the streams it is for, and a stream never reads what its caller may not see
 * (ADR 0017). Each stream keeps its own position, so a client resumes from any replica with {@code Last-Event-ID}: every
 * replica streams every event, whichever Kafka partitions it consumes.
 */
@ApplicationScoped
public class StreamService {

    private static final Logger LOG = Logger.getLogger(StreamService.class);

    /** One event for the stream: its SSE id, type and CloudEvent body (cut to what the caller may see). */
    public record Item(UUID id, String type, String payload) {
    }

    static final Duration POLL = Duration.ofMillis(250);
    /** Rows younger than this are left for the next round: a transaction that took its id earlier may still commit. */
    static final Duration SETTLE = Duration.ofMillis(500);
    private static final int BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The new rows of every open stream ({@code s}), each with the streams it is for. Scope (Viewer, in SQL): an operator
     * everything; an enterprise or a partner ({@code g}: the enterprises it acts for) what names one of them; a bureau
     * what was published from its region or names a candidate registered there. Filter: types, chains, fields (JSON
     * arrays, empty = any) and a region prefix the event touches (lands there, published from there, or a candidate the
     * stream may see is registered there).
     */
    private static final String ROUND = """
            SELECT e.id, e.event_type, e.payload, e.publisher_id, e.publisher_region, e.party_ids, e.party_regions,
                array_agg(s.k) AS streams
            FROM unnest($1::int[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
                AS s(k, after, role, granted, region, types, region_filter, chains, fields)
            CROSS JOIN LATERAL (SELECT string_to_array(s.granted, ',')::uuid[] AS g) AS grant_
            JOIN stream_event e ON e.id > s.after
                AND (s.role = 'operator'
                     OR e.publisher_id = ANY(grant_.g) OR e.party_ids && grant_.g
                     OR s.role = 'bureau' AND (e.publisher_region LIKE s.region || '%'
                                               OR EXISTS (SELECT 1 FROM unnest(e.party_regions) r WHERE r LIKE s.region || '%')))
                AND (s.types = '[]' OR s.types::jsonb ? e.event_type)
                AND (s.chains = '[]' OR s.chains::jsonb ? e.chain)
                AND (s.fields = '[]' OR s.fields::jsonb ? e.field)
                AND (s.region_filter IS NULL OR e.region_code LIKE s.region_filter || '%' OR e.publisher_region LIKE s.region_filter || '%'
                     OR EXISTS (SELECT 1 FROM unnest(e.party_ids, e.party_regions) p(id, r)
                                WHERE r LIKE s.region_filter || '%'
                                  AND (s.role IN ('operator', 'bureau') OR e.publisher_id = ANY(grant_.g) OR p.id = ANY(grant_.g))))
            WHERE e.id > $10 AND e.id < $11
            GROUP BY e.id
            ORDER BY e.id
            LIMIT $12""";

    /** One open stream: who reads it, what it asked for, how far it got, and where its events go. */
    private static final class Open {
        final int key;
        final Viewer viewer;
        final SubscriptionFilter filter;
        final MultiEmitter<? super Item> out;
        volatile UUID after;

        Open(int key, Viewer viewer, SubscriptionFilter filter, UUID after, MultiEmitter<? super Item> out) {
            this.key = key;
            this.viewer = viewer;
            this.filter = filter;
            this.after = after;
            this.out = out;
        }
    }

    private final Pool pool;
    private final Vertx vertx;
    private final StreamConfig config;
    private final Map<Integer, Open> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perOwner = new ConcurrentHashMap<>();
    private final AtomicInteger keys = new AtomicInteger();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicLong rounds = new AtomicLong();
    private volatile long timer = -1;

    public StreamService(Pool pool, Vertx vertx, StreamConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopPolling();
        open.values().forEach(o -> o.out.complete());
    }

    /** The caller's stream from {@code lastEventId} (exclusive) or from now, filtered like a subscription, in its scope. */
    public Multi<Item> stream(Caller caller, SubscriptionFilter requested, String lastEventId) {
        Viewer viewer = RoutingRules.ownerOf(caller);
        SubscriptionFilter filter = RoutingRules.scopedFilter(viewer, requested);
        UUID start;
        if (lastEventId == null || lastEventId.isBlank()) {
            start = floor(Instant.now().minus(SETTLE));
        } else {
            try {
                start = UUID.fromString(lastEventId.trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("Last-Event-ID", "must be an event id this stream sent");
            }
        }
        AtomicInteger held = perOwner.computeIfAbsent(viewer.owner(), k -> new AtomicInteger());
        if (held.incrementAndGet() > config.maxOpenPerOwner()) {
            held.decrementAndGet();
            throw SubscriptionService.quotaExceeded("open streams", config.maxOpenPerOwner());
        }
        int key = keys.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                open.remove(key);
                held.decrementAndGet();
            }
        };
        return Multi.createFrom().<Item>emitter(out -> {
            out.onTermination(release);
            open.put(key, new Open(key, viewer, filter, start, out));
            startPolling();
        }).onCancellation().invoke(release).onTermination().invoke(release);
    }

    /** Streams open on this replica (tests and diagnostics). */
    public int openStreams() {
        return open.size();
    }

    /** Rounds run since start-up: one query each, however many streams are open (tests and diagnostics). */
    public long rounds() {
        return rounds.get();
    }

    private synchronized void startPolling() {
        if (timer < 0) {
            timer = vertx.setPeriodic(POLL.toMillis(), id -> round());
        }
    }

    private synchronized void stopPolling() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** One round for every open stream; skipped while the previous one still runs. */
    private void round() {
        List<Open> streams = new ArrayList<>(open.values());
        if (streams.isEmpty() || !polling.compareAndSet(false, true)) {
            return;
        }
        UUID horizon = floor(Instant.now().minus(SETTLE));
        UUID lowest = streams.stream().map(o -> o.after).min(UUID::compareTo).orElse(horizon);
        Tuple args = Tuple.from(Arrays.asList(
                streams.stream().map(o -> o.key).toArray(Integer[]::new),
                streams.stream().map(o -> o.after).toArray(UUID[]::new),
                streams.stream().map(o -> o.viewer.role()).toArray(String[]::new),
                streams.stream().map(o -> granted(o.viewer)).toArray(String[]::new),
                streams.stream().map(o -> o.viewer.regionPrefix()).toArray(String[]::new),
                streams.stream().map(o -> json(o.filter.eventTypesOrEmpty())).toArray(String[]::new),
                streams.stream().map(o -> o.filter.regionPrefix()).toArray(String[]::new),
                streams.stream().map(o -> json(o.filter.chainsOrEmpty())).toArray(String[]::new),
                streams.stream().map(o -> json(o.filter.fieldsOrEmpty().stream().map(Enum::name).toList())).toArray(String[]::new),
                lowest, horizon, BATCH));
        rounds.incrementAndGet();
        pool.preparedQuery(ROUND).execute(args).subscribe().with(rows -> {
            try {
                Map<Integer, Open> byKey = new HashMap<>();
                streams.forEach(o -> byKey.put(o.key, o));
                UUID last = null;
                for (Row row : rows) {
                    last = row.getUUID("id");
                    for (Integer k : row.getArrayOfIntegers("streams")) {
                        Open o = byKey.get(k);
                        if (o != null) {
                            sendOrSkip(o, row);
                        }
                    }
                }
                // every stream has had all its rows up to the last one read (to the horizon when the round was not cut)
                UUID reached = rows.size() < BATCH ? horizon : last;
                for (Open o : streams) {
                    if (reached != null && o.after.compareTo(reached) < 0) {
                        o.after = reached;
                    }
                }
            } finally {
                polling.set(false);
            }
        }, failure -> {
            polling.set(false);
            LOG.warnf("Stream round failed, retrying at the next: %s", failure.getMessage());
        });
    }

    /** One unreadable row is skipped (and logged), never retried forever: it would stall every open stream behind it. */
    private static void sendOrSkip(Open o, Row row) {
        try {
            send(o, row);
        } catch (RuntimeException e) {
            LOG.warnf("Stream event %s skipped: %s", row.getUUID("id"), e.toString());
        }
    }

    private static void send(Open o, Row row) {
        UUID id = row.getUUID("id");
        String payload = row.getString("payload");
        // rows written before the parties were recorded have none: they reach whoever the query chose by publisher
        UUID[] partyIds = Objects.requireNonNullElse(row.getArrayOfUUIDs("party_ids"), new UUID[0]);
        String[] partyRegions = Objects.requireNonNullElse(row.getArrayOfStrings("party_regions"), new String[0]);
        List<EventFacts.Party> parties = new ArrayList<>(partyIds.length);
        for (int i = 0; i < partyIds.length; i++) {
            parties.add(new EventFacts.Party(partyIds[i], i < partyRegions.length ? partyRegions[i] : null));
        }
        // the query chose the rows by the same rule; the body is cut here, where the viewer is at hand
        Set<UUID> visible = Audience.visibleParties(o.viewer, row.getUUID("publisher_id"), row.getString("publisher_region"), parties);
        if (!Audience.sees(visible)) {
            return;
        }
        String type = row.getString("event_type");
        boolean rankedList = org.rongtong.events.EventTypes.DEMAND_MATCHED.equals(type)
                || org.rongtong.events.EventTypes.DEMAND_CANDIDATES_CHANGED.equals(type);
        String body = rankedList && visible != null ? Audience.keepCandidates(payload, visible) : payload;
        o.out.emit(new Item(id, row.getString("event_type"), body));
    }

    private static String granted(Viewer v) {
        if (v.isEnterprise()) {
            return v.enterpriseId() == null ? "" : v.enterpriseId().toString();
        }
        return String.join(",", v.grantedEnterprises().stream().map(UUID::toString).toList());
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The smallest UUIDv7 of a millisecond: every id created from then on sorts after it. */
    static UUID floor(Instant at) {
        return new UUID((at.toEpochMilli() << 16) | (0x7L << 12), 0x8000000000000000L);
    }
}

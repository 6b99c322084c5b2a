package org.rongtong.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.notification.rest.SubscriptionFilter;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The live stream: every connection polls the time-ordered {@code stream_event} table after the last id it sent. Reading
 * the table rather than the Kafka partitions this replica happens to own means every replica streams every event, and
 * a client resumes from any replica with {@code Last-Event-ID}.
 */
@ApplicationScoped
public class StreamService {

    /** One event for the stream: its SSE id, type and CloudEvent body. */
    public record Item(UUID id, String type, String payload) {
    }

    static final Duration POLL = Duration.ofMillis(250);
    /** Rows younger than this are left for the next poll: a transaction that took its id earlier may still commit. */
    static final Duration SETTLE = Duration.ofMillis(500);
    private static final int BATCH = 500;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String AFTER = """
            SELECT id, event_id, event_type, region_code, chain, field, enterprises, payload, created_at FROM stream_event
            WHERE id > $1 AND created_at < now() - make_interval(secs => $2)
            ORDER BY id LIMIT $3""";

    private final Pool pool;

    public StreamService(Pool pool) {
        this.pool = pool;
    }

    /** The caller's stream from {@code lastEventId} (exclusive) or from now, filtered like a subscription, in its scope. */
    public Multi<Item> stream(Caller caller, SubscriptionFilter requested, String lastEventId) {
        SubscriptionService.Owner owner = SubscriptionService.Owner.of(caller);
        SubscriptionFilter filter = SubscriptionService.scopedFilter(owner, requested);
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
        AtomicReference<UUID> last = new AtomicReference<>(start);
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(POLL)
                .onOverflow().drop()
                .concatMap(tick -> after(last.get()).onItem().transformToMulti(rows -> {
                    if (!rows.isEmpty()) {
                        last.set(rows.get(rows.size() - 1).getUUID("id"));
                    }
                    return Multi.createFrom().iterable(rows);
                }))
                .filter(row -> {
                    EventFacts facts = facts(row);
                    return SubscriptionMapper.inScope(owner.kind(), owner.enterpriseId(), owner.region(), facts)
                            && SubscriptionMapper.matches(filter, facts);
                })
                .map(row -> new Item(row.getUUID("id"), row.getString("event_type"), row.getString("payload")));
    }

    private Uni<List<Row>> after(UUID last) {
        return pool.preparedQuery(AFTER).execute(Tuple.of(last, SETTLE.toMillis() / 1000.0, BATCH))
                .map(rows -> {
                    List<Row> out = new java.util.ArrayList<>();
                    rows.forEach(out::add);
                    return out;
                });
    }

    private static EventFacts facts(Row row) {
        Set<UUID> enterprises = new HashSet<>();
        try {
            JSON.readValue(row.getString("enterprises"), STRINGS).forEach(e -> enterprises.add(UUID.fromString(e)));
        } catch (JsonProcessingException e) {
            // a row without readable enterprises concerns no enterprise; scopes then decide by region alone
        }
        return new EventFacts(row.getString("event_id"), row.getString("event_type"), null, null, null, null,
                row.getString("region_code"), row.getString("chain"), row.getString("field"), enterprises);
    }

    /** The smallest UUIDv7 of a millisecond: every id created from then on sorts after it. */
    static UUID floor(Instant at) {
        return new UUID((at.toEpochMilli() << 16) | (0x7L << 12), 0x8000000000000000L);
    }
}

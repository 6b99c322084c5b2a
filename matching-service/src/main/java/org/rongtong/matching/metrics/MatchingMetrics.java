package org.rongtong.matching.metrics;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.rongtong.events.EventTypes;
import org.rongtong.matching.service.MatchEngine;
import org.rongtong.outbox.OutboxPublished;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * matching-service's business metrics (docs/metrics.md). Answers and ends are counted from the events that left the
 * outbox (committed, whichever path moved the match: the REST answer or a proposal consumed from demand-service).
 * Candidates are counted by the consumer once the ranking's transaction committed: a later fit re-publishes the whole
 * list, so the events cannot tell how many are new.
 */
@Startup
@ApplicationScoped
public class MatchingMetrics {

    public static final String CANDIDATES = "rongtong.candidates.proposed";
    public static final String ANSWERED = "rongtong.matches.answered";
    public static final String ENDED = "rongtong.matches.ended";
    public static final String INDEX_SIZE = "rongtong.matching.index.enterprises";
    public static final String INDEX_REBUILD = "rongtong.matching.index.rebuild";

    /** The answer moves, by the status they lead to (the event type's verb). */
    private static final Map<String, String> ANSWERS = Map.of(
            EventTypes.MATCH_INTERESTED, "interested",
            EventTypes.MATCH_DECLINED, "declined",
            EventTypes.MATCH_SHORTLISTED, "shortlisted",
            EventTypes.MATCH_REJECTED, "rejected",
            EventTypes.MATCH_CONFIRMED, "confirmed");

    private final Counter candidates;
    private final Map<String, Counter> answered;
    private final Counter ended;
    private volatile double rebuildSeconds;

    public MatchingMetrics(MeterRegistry registry, MatchEngine engine) {
        candidates = Counter.builder(CANDIDATES).description("Candidates matching proposed for demands (ranked or later fits)")
                .register(registry);
        answered = new java.util.HashMap<>();
        ANSWERS.forEach((type, status) -> answered.put(type, Counter.builder(ANSWERED).tag("status", status)
                .description("Matches answered, by the status the answer led to").register(registry)));
        ended = Counter.builder(ENDED).description("Live matches ended because their demand ended or their candidate left")
                .register(registry);
        Gauge.builder(INDEX_SIZE, engine, e -> e.index().size()).strongReference(true)
                .description("Enterprises in the in-memory matching index").register(registry);
        Gauge.builder(INDEX_REBUILD, this, m -> m.rebuildSeconds).baseUnit("seconds").strongReference(true)
                .description("How long the last rebuild of the index from the projection took (at startup)").register(registry);
    }

    /** Candidates proposed by a ranking or a reverse match whose transaction committed. */
    public void candidatesProposed(int count) {
        candidates.increment(count);
    }

    public void indexRebuilt(Duration took) {
        rebuildSeconds = took.toNanos() / 1e9;
    }

    void onPublished(@Observes OutboxPublished round) {
        for (OutboxPublished.Event e : round.events()) {
            Counter answer = answered.get(e.type());
            if (answer != null) {
                answer.increment();
            } else if (EventTypes.MATCH_ENDED.equals(e.type())) {
                ended.increment();
            }
        }
    }
}

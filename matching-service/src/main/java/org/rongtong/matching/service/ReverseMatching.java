package org.rongtong.matching.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.MatchStatus;
import org.rongtong.events.Willingness;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.EnterpriseExposure;
import org.rongtong.matching.model.Match;
import org.rongtong.matching.model.MatchDelta;
import org.rongtong.matching.model.OpenDemand;
import org.rongtong.ids.UuidV7;

import io.smallrye.mutiny.Uni;

/**
 * Reverse matching, proportional to what changed (ADR 0022): a batch of new or changed enterprises, already in the
 * index, is scored against the published demands of the in-memory board (each demand's terms worked out once, one
 * index query per demand for the batch's BM25 scores); only a demand that some enterprise fits is then touched in the
 * database, under that demand's own lock, reading its list as plain rows (no managed entities).
 *
 * <p>A demand's list is bounded ({@code rongtong.matching.max-candidates}). The displacing rule: a newcomer joins a
 * list that is not full; a full list takes it only if it outscores (exposure-damped score) the lowest-scoring candidate
 * still PROPOSED that never answered, which it then displaces (its match is deleted and the change published).
 * Candidates that answered, were shortlisted or cooperate are never displaced, and a list full of them takes nobody.
 * Each change is written as a {@link MatchDelta} for the coalesced demand.candidates-changed event.
 */
@ApplicationScoped
public class ReverseMatching {

    private static final Logger LOG = Logger.getLogger(ReverseMatching.class);
    private static final Uni<Integer> NONE = Uni.createFrom().item(0);

    private final MatchEngine engine;
    private final DemandBoard board;

    public ReverseMatching(MatchEngine engine, DemandBoard board) {
        this.engine = engine;
        this.board = board;
    }

    /** Within the caller's transaction; the item is the number of candidates added to lists. */
    Uni<Integer> match(List<Candidate> batch) {
        if (batch.isEmpty() || board.size() == 0) {
            return NONE;
        }
        Map<UUID, OpenDemand> demands = new TreeMap<>(); // locks taken in id order: two batches never wait on each other in a cycle
        Map<UUID, List<Scorer.Scored>> fits = new HashMap<>();
        List<MatchEngine.ReverseAsk> asks = new ArrayList<>();
        for (OpenDemand d : board.open()) {
            List<Candidate> willing = batch.stream()
                    .filter(c -> c.willingness.getOrDefault(d.field, Willingness.NONE) != Willingness.NONE).toList();
            if (!willing.isEmpty()) {
                asks.add(new MatchEngine.ReverseAsk(d, regionOf(d.publisherId), engine.terms(d), willing));
            }
        }
        List<List<Scorer.Scored>> scored = asks.isEmpty() ? List.of() : engine.scoreAll(asks);
        for (int i = 0; i < asks.size(); i++) {
            if (!scored.get(i).isEmpty()) {
                OpenDemand d = asks.get(i).demand();
                demands.put(d.id, d);
                fits.put(d.id, scored.get(i));
            }
        }
        if (demands.isEmpty()) {
            return NONE;
        }
        Set<UUID> ids = new HashSet<>();
        fits.values().forEach(list -> list.forEach(s -> ids.add(s.candidate().id)));
        return exposure(ids).chain(counts -> {
            Uni<Integer> chain = NONE;
            for (OpenDemand d : demands.values()) {
                chain = chain.chain(n -> intoList(d, fits.get(d.id), counts).map(k -> n + k));
            }
            return chain;
        });
    }

    /** A candidate's row of a list, as read for the rule: no entity. */
    private record Entry(UUID matchId, UUID enterpriseId, double score, boolean displaceable) {
    }

    private Uni<Integer> intoList(OpenDemand demand, List<Scorer.Scored> fits, Map<UUID, Integer> counts) {
        return lockDemand(demand.id).chain(() -> Match.getSession()).chain(session -> session.createSelectionQuery(
                "select count(d) from OpenDemand d where d.id = :id and d.status = :published and d.rankedAt is not null", Long.class)
                .setParameter("id", demand.id).setParameter("published", DemandStatus.PUBLISHED).getSingleResult()
                .chain(ranked -> ranked == 0 ? NONE // not ranked yet (or no longer open): its own ranking finds the fits
                        : session.createSelectionQuery("select m.id, m.enterpriseId, m.score, m.status, m.answeredAt, m.rank from Match m where m.demandId = :id",
                                Object[].class).setParameter("id", demand.id).getResultList()
                                .chain(rows -> apply(demand, fits, counts, rows))));
    }

    private Uni<Integer> apply(OpenDemand demand, List<Scorer.Scored> fits, Map<UUID, Integer> counts, List<Object[]> rows) {
        Set<UUID> listed = new HashSet<>();
        PriorityQueue<Entry> displaceable = new PriorityQueue<>(Comparator.comparingDouble(Entry::score));
        for (Object[] r : rows) {
            listed.add((UUID) r[1]);
            if (r[3] == MatchStatus.PROPOSED && r[4] == null) {
                displaceable.add(new Entry((UUID) r[0], (UUID) r[1], ((Number) r[2]).doubleValue(), true));
            }
        }
        List<Scorer.Scored> newcomers = new ArrayList<>();
        for (Scorer.Scored s : fits) {
            if (!listed.contains(s.candidate().id)) {
                newcomers.add(engine.exposure().damp(s, counts));
            }
        }
        newcomers.sort(Comparator.comparingDouble(Scorer.Scored::score).reversed().thenComparing(s -> s.candidate().id));
        int size = rows.size();
        int max = engine.maxCandidates();
        Instant now = Instant.now();
        List<Match> added = new ArrayList<>();
        List<Entry> displaced = new ArrayList<>();
        for (Scorer.Scored s : newcomers) {
            if (size >= max) {
                Entry worst = displaceable.peek();
                if (worst == null || s.score() <= worst.score()) {
                    break; // the newcomers are best first: none after this one beats the last place either
                }
                displaced.add(displaceable.poll());
            } else {
                size++;
            }
            Match m = MatchingService.newMatch(demand, s, size, Match.Origin.REVERSE, now);
            added.add(m);
            displaceable.add(new Entry(m.id, m.enterpriseId, m.score, true));
        }
        // the newcomer displaced by a later, better newcomer of the same batch never reached the database
        Set<UUID> gone = new HashSet<>();
        displaced.forEach(e -> gone.add(e.matchId()));
        added.removeIf(m -> gone.remove(m.id));
        displaced.removeIf(e -> !gone.contains(e.matchId()));
        if (added.isEmpty()) {
            return NONE;
        }
        List<MatchDelta> deltas = new ArrayList<>();
        added.forEach(m -> {
            counts.merge(m.enterpriseId, 1, Integer::sum);
            deltas.add(delta(demand.id, m.id, m.enterpriseId, true, now));
        });
        displaced.forEach(e -> {
            counts.merge(e.enterpriseId(), -1, Integer::sum);
            deltas.add(delta(demand.id, e.matchId(), e.enterpriseId(), false, now));
        });
        String reranked = rerank(rows, added, gone(displaced));
        LOG.debugf("Demand %s: %d candidate(s) added later, %d displaced", demand.id, added.size(), displaced.size());
        Uni<Void> removed = displaced.isEmpty() ? Uni.createFrom().voidItem()
                : Match.delete("id in ?1", displaced.stream().map(Entry::matchId).toList()).replaceWithVoid();
        Uni<Void> written = removed.chain(() -> Match.persist(added)).chain(() -> MatchDelta.persist(deltas));
        if (reranked != null) {
            written = written.chain(() -> Match.getSession()).chain(session -> session.createNativeQuery(reranked).executeUpdate())
                    .replaceWithVoid();
        }
        return written.chain(ReverseMatching::flushAndForget).replaceWith(added.size());
    }

    /**
     * Writes what the session holds and forgets it. Every query of a batch's transaction flushes first, and a flush
     * dirty-checks each entity the session still manages: with a batch's enterprises and the matches of the lists done
     * so far kept, that check was most of a batch's time (a flame graph of the keep-pace benchmark).
     */
    static Uni<Void> flushAndForget() {
        return Match.getSession().chain(session -> session.flush().invoke(() -> session.clear()));
    }

    private static Set<UUID> gone(List<Entry> displaced) {
        Set<UUID> ids = new HashSet<>();
        displaced.forEach(e -> ids.add(e.matchId()));
        return ids;
    }

    /**
     * Ranks follow scores, ties by enterprise id, as the first ranking orders them (MatchEngine.select): the newcomers get
     * theirs before they are written; the rows already listed whose rank moved are updated by one statement (null: none).
     */
    private static String rerank(List<Object[]> rows, List<Match> added, Set<UUID> displaced) {
        record Ranked(UUID matchId, UUID enterpriseId, double score, int rank, Match fresh) {
        }
        List<Ranked> all = new ArrayList<>();
        for (Object[] r : rows) {
            if (!displaced.contains((UUID) r[0])) {
                all.add(new Ranked((UUID) r[0], (UUID) r[1], ((Number) r[2]).doubleValue(), ((Number) r[5]).intValue(), null));
            }
        }
        added.forEach(m -> all.add(new Ranked(m.id, m.enterpriseId, m.score, 0, m)));
        all.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::enterpriseId));
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            Ranked r = all.get(i);
            if (r.fresh() != null) {
                r.fresh().rank = i + 1;
            } else if (r.rank() != i + 1) {
                values.append(values.isEmpty() ? "" : ", ").append("('").append(r.matchId()).append("'::uuid, ").append(i + 1).append(')');
            }
        }
        return values.isEmpty() ? null
                : "UPDATE match m SET rank = v.r FROM (VALUES " + values + ") AS v(id, r) WHERE m.id = v.id";
    }

    private MatchDelta delta(UUID demandId, UUID matchId, UUID enterpriseId, boolean added, Instant now) {
        MatchDelta d = new MatchDelta();
        d.id = UuidV7.next();
        d.demandId = demandId;
        d.matchId = matchId;
        d.enterpriseId = enterpriseId;
        d.added = added;
        d.regionCode = regionOf(enterpriseId);
        d.createdAt = now;
        return d;
    }

    private String regionOf(UUID enterprise) {
        Candidate c = engine.index().profile(enterprise);
        return c == null ? null : c.regionCode;
    }

    /** The demand's own lock until commit: its ranking and the reverse matches into its list take turns. */
    static Uni<Void> lockDemand(UUID demandId) {
        return Match.getSession().chain(session -> session
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(7160, hashtext(?1))", Integer.class)
                .setParameter(1, demandId.toString()).getSingleResult()).replaceWithVoid();
    }

    /** Per enterprise: its live candidacies, from the counter the match trigger keeps (V6). A mutable map. */
    static Uni<Map<UUID, Integer>> exposure(Set<UUID> enterpriseIds) {
        if (enterpriseIds.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return EnterpriseExposure.getSession().chain(session -> session.createSelectionQuery(
                        "select e.enterpriseId, e.live from EnterpriseExposure e where e.enterpriseId in :ids and e.live > 0", Object[].class)
                .setParameter("ids", enterpriseIds).getResultList())
                .map(rows -> {
                    Map<UUID, Integer> counts = new HashMap<>();
                    rows.forEach(r -> counts.put((UUID) r[0], ((Number) r[1]).intValue()));
                    return counts;
                });
    }

    static final Set<MatchStatus> LIVE = EnumSet.of(MatchStatus.PROPOSED, MatchStatus.INTERESTED, MatchStatus.SHORTLISTED);
}

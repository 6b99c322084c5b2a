package org.rongtong.matching.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.rongtong.events.CloseReason;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.MatchStatus;
import org.rongtong.events.Topics;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.Match;
import org.rongtong.matching.model.OpenDemand;
import org.rongtong.outbox.Outbox;
import org.rongtong.outbox.TraceContext;
import org.rongtong.ids.UuidV7;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Viewer;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MatchingService {

    private static final Logger LOG = Logger.getLogger(MatchingService.class);
    private static final Uni<Integer> NONE = Uni.createFrom().item(0);

    private final MatchEngine engine;
    private final Outbox outbox;
    private final MatchLifecycle lifecycle;
    private final ReverseMatching reverse;
    private final DemandBoard board;

    public MatchingService(MatchEngine engine, Outbox outbox, MatchLifecycle lifecycle, ReverseMatching reverse, DemandBoard board) {
        this.engine = engine;
        this.outbox = outbox;
        this.lifecycle = lifecycle;
        this.reverse = reverse;
        this.board = board;
    }

    /**
     * Keeps the enterprise projection for a batch of enterprise events (a Kafka poll); a replayed or stale event changes
     * nothing. The index is this replica's, kept from the committed events by its own consumer (ReplicaIndex, ADR 0023).
     * The enterprises that are new or changed what they offer or want are then reverse-matched together against the
     * open demands (ReverseMatching). Within the caller's transaction (Projection: ranking lock, board refreshed,
     * watermark); the item is the number of candidates proposed.
     */
    @WithTransaction
    public Uni<Integer> onEnterprises(List<EnterpriseSnapshot> snapshots) {
        Map<UUID, EnterpriseSnapshot> latest = new LinkedHashMap<>();
        snapshots.forEach(s -> latest.merge(s.id(), s, (a, b) -> b.version() > a.version() ? b : a));
        return Candidate.<Candidate>list("id in ?1", latest.keySet()).chain(found -> {
            Map<UUID, Candidate> known = new HashMap<>();
            found.forEach(c -> known.put(c.id, c));
            List<Candidate> fresh = new ArrayList<>();
            List<Candidate> toMatch = new ArrayList<>();
            List<UUID> deactivated = new ArrayList<>();
            for (EnterpriseSnapshot snapshot : latest.values()) {
                Candidate k = known.get(snapshot.id());
                if (k != null && k.version >= snapshot.version()) {
                    continue;
                }
                boolean offerChanged = offerChanged(k, snapshot);
                boolean leaves = k != null && k.active && !snapshot.active();
                Candidate target = k != null ? k : new Candidate();
                MatchMapper.apply(snapshot, target);
                Candidate copy = MatchMapper.copy(target);
                if (k == null) {
                    fresh.add(target);
                }
                if (leaves) {
                    deactivated.add(target.id);
                } else if (target.active && offerChanged) {
                    toMatch.add(copy);
                }
            }
            Uni<Void> saved = fresh.isEmpty() ? Uni.createFrom().voidItem() : Candidate.persist(fresh);
            for (UUID id : deactivated) {
                // a candidate that left the programme is no longer waiting on anyone's demand (ADR 0015)
                saved = saved.chain(() -> lifecycle.endCandidacies(id, CloseReason.ENTERPRISE_DEACTIVATED));
            }
            // the rows written and out of the session before reverse matching's queries (ReverseMatching.flushAndForget)
            return saved.chain(ReverseMatching::flushAndForget).chain(() -> reverse.match(toMatch));
        });
    }

    /** What gates, relevance, roles and stated minimums read: a change to any of them may make a new fit. */
    private static boolean offerChanged(Candidate known, EnterpriseSnapshot snapshot) {
        return known == null || !known.active || !Objects.equals(known.capabilities, snapshot.capabilities())
                || !Objects.equals(known.willingness, snapshot.willingness())
                || !Objects.equals(known.products, snapshot.products())
                || !Objects.equals(known.description, snapshot.description())
                || !Objects.equals(known.name, snapshot.name()) || known.kind != snapshot.kind()
                || !Objects.equals(known.regionCode, snapshot.regionCode()) || !Objects.equals(known.tier, snapshot.tier())
                || !Objects.equals(known.employees, snapshot.employees()) || !Objects.equals(known.revenue, snapshot.revenue());
    }

    /** Where an enterprise is registered, as the index knows it (null if unknown). */
    private String registeredIn(UUID enterprise) {
        Candidate c = engine.index().profile(enterprise);
        return c == null ? null : c.regionCode;
    }

    static Match newMatch(OpenDemand demand, Scorer.Scored s, int rank, Match.Origin origin, Instant now) {
        Match m = new Match();
        m.id = UuidV7.next();
        m.demandId = demand.id;
        m.enterpriseId = s.candidate().id;
        m.enterpriseName = s.candidate().name;
        m.rank = rank;
        m.score = s.score();
        m.reasons = s.reasons();
        m.status = MatchStatus.PROPOSED;
        m.version = 1;
        m.origin = origin;
        m.createdAt = now;
        m.updatedAt = now;
        return m;
    }

    /**
     * Keeps the demand projection and, the first time a demand is seen published, ranks the candidates and
     * emits one match event with them, in the same transaction (through the outbox). The item is the number of
     * candidates proposed, known once the transaction committed.
     */
    @WithTransaction
    public Uni<Integer> onDemand(DemandSnapshot snapshot) {
        RankingBatch alone = new RankingBatch();
        return onDemand(snapshot, alone, TraceContext.current()).call(alone::write);
    }

    /**
     * One demand event of a batch, in the caller's transaction: the new matches wait in {@code batch} (RankingBatch);
     * the candidate list's event continues {@code trace}, the demand event's.
     */
    Uni<Integer> onDemand(DemandSnapshot snapshot, RankingBatch batch, TraceContext trace) {
        return ReverseMatching.lockDemand(snapshot.id()).chain(() -> OpenDemand.<OpenDemand>findById(snapshot.id())).chain(known -> {
            if (known != null && known.version >= snapshot.version()) {
                return NONE;
            }
            OpenDemand demand = known != null ? known : new OpenDemand();
            MatchMapper.apply(snapshot, demand);
            Uni<Void> saved = known != null ? Uni.createFrom().voidItem() : demand.persist().replaceWithVoid();
            CloseReason ended = CloseReason.ofDemand(demand.status);
            if (demand.status != DemandStatus.PUBLISHED) {
                board.remove(demand.id);
            }
            if (ended != null) {
                // the demand closed, was withdrawn or expired: its live matches end with it (ADR 0015), those the batch
                // has just made too
                return saved.chain(batch::write).chain(() -> lifecycle.endLiveMatches(demand, ended)).replaceWith(0);
            }
            if (demand.status != DemandStatus.PUBLISHED) {
                return saved.replaceWith(0);
            }
            // ranked under the global lock once this replica's index covers the watermark (ADR 0023); on this board at
            // once, on the others' at their next enterprise batch, which refreshes them from the database first
            board.put(demand);
            if (known == null) {
                // new here, so nothing of it is matched yet (a match needs its demand's row)
                return saved.chain(() -> rank(demand, batch, trace));
            }
            return saved.chain(() -> Match.existForDemand(demand.id))
                    .chain(matchedBefore -> matchedBefore || demand.rankedAt != null ? NONE : rank(demand, batch, trace));
        });
    }

    private Uni<Integer> rank(OpenDemand demand, RankingBatch batch, TraceContext trace) {
        // the publisher's region as reverse matching reads it (the index), so a pair scores alike on both paths
        Candidate pub = engine.index().profile(demand.publisherId);
        return Uni.createFrom().voidItem().chain(() -> {
            String publisherRegion = pub == null ? null : pub.regionCode;
            List<Scorer.Scored> candidates = engine.candidates(demand, publisherRegion);
            Set<UUID> ids = new HashSet<>();
            candidates.forEach(c -> ids.add(c.candidate().id));
            return ReverseMatching.exposure(ids).chain(open -> {
                List<Scorer.Scored> ranked = engine.select(candidates, batch.withPending(open));
                Instant now = Instant.now();
                demand.rankedAt = now;
                board.put(demand);
                List<Match> matches = new ArrayList<>();
                for (int i = 0; i < ranked.size(); i++) {
                    matches.add(newMatch(demand, ranked.get(i), i + 1, Match.Origin.RANKED, now));
                }
                LOG.infof("Demand %s: %d candidate(s) proposed out of %d indexed", demand.id, matches.size(), engine.index().size());
                // no fitting enterprise yet is an answer too: an empty list and its event; the demand stays open to
                // reverse matching. Rows, not managed entities, written with the batch's (RankingBatch, ADR 0034)
                batch.add(matches);
                return outbox.append(Topics.MATCHES, EventTypes.DEMAND_MATCHED, EventSources.MATCHING, demand.id,
                                MatchMapper.toEvent(demand, MatchMapper.regionOf(demand, publisherRegion), publisherRegion, matches,
                                        this::registeredIn, now), trace)
                        .replaceWith(matches.size());
            });
        });
    }

    /**
     * Ranking a new demand and matching a batch of enterprises against the open demands run one at a time, until commit
     * (ADR 0023 with ADR 0022: one take per enterprise batch).
     * Without it a fit could be lost: the demand's ranking read the index just before the enterprise was put into it,
     * and the enterprise's reverse matching listed the open demands just before the demand's transaction committed
     * (seen in EndToEndIT: the second candidate never proposed). A transaction-scoped advisory lock, so replicas take
     * turns as well; enterprise events are otherwise short, so the wait is too.
     * An enterprise batch takes it exclusively; demand rankings take it shared ({@link #rankingLockShared}), so they
     * exclude enterprise batches but not one another (ADR 0028).
     */
    static Uni<Void> rankingLock() {
        return advisoryLock("pg_advisory_xact_lock");
    }

    /**
     * The ranking lock in shared mode, for a demand's ranking: two demands' rankings never need each other's results (a
     * list is edited under its demand's own lock), only an enterprise batch must not run between reading the watermark
     * and the commit, so rankings run side by side, on several consumers and replicas (ADR 0028).
     */
    static Uni<Void> rankingLockShared() {
        return advisoryLock("pg_advisory_xact_lock_shared");
    }

    private static Uni<Void> advisoryLock(String function) {
        return Candidate.getSession().chain(session -> session
                .createNativeQuery("SELECT 1 FROM " + function + "(hashtext('rongtong-matching-rank'))", Integer.class)
                .getSingleResult()).replaceWithVoid();
    }

    @WithSession
    public Uni<OpenDemand> demand(UUID id) {
        return OpenDemand.<OpenDemand>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Demand", id));
    }

    @WithSession
    public Uni<List<Match>> matches(UUID demandId) {
        return Match.forDemand(demandId);
    }

    /** A demand's matches as a viewer may see them, with the publisher the notes' visibility depends on. */
    public record VisibleMatches(UUID publisherId, List<Match> matches) {
    }

    /**
     * The demand's whole list for a viewer acting for its publisher or covering the publisher's region (Viewer); else
     * the entries of the candidates it acts for or whose region it covers; a viewer who sees none gets 403, so that
     * a stranger cannot tell an empty list from a hidden one.
     */
    @WithSession
    public Uni<VisibleMatches> visibleMatches(UUID demandId, Viewer viewer) {
        return demand(demandId).chain(demand -> Candidate.<Candidate>findById(demand.publisherId).chain(publisher -> {
            String publisherRegion = publisher == null ? null : publisher.regionCode;
            boolean whole = viewer.seesWholeDemand(demand.publisherId, publisherRegion);
            return Match.forDemand(demandId).chain(all -> {
                if (whole) {
                    return Uni.createFrom().item(new VisibleMatches(demand.publisherId, all));
                }
                List<UUID> ids = all.stream().map(m -> m.enterpriseId).toList();
                Uni<Map<UUID, String>> regions = ids.isEmpty() ? Uni.createFrom().item(Map.of())
                        : Candidate.<Candidate>list("id in ?1", ids).map(found -> found.stream()
                                .filter(c -> c.regionCode != null)
                                .collect(Collectors.toMap(c -> c.id, c -> c.regionCode)));
                return regions.map(regionOf -> {
                    List<Match> visible = all.stream()
                            .filter(m -> viewer.seesCandidate(m.enterpriseId, regionOf.get(m.enterpriseId))).toList();
                    if (visible.isEmpty()) {
                        throw ProblemException.forbidden("The token sees no candidate of demand " + demandId);
                    }
                    return new VisibleMatches(demand.publisherId, visible);
                });
            });
        }));
    }
}

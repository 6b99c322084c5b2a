package org.rongtong.matching.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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
import org.rongtong.events.Willingness;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.Match;
import org.rongtong.matching.model.OpenDemand;
import org.rongtong.outbox.Outbox;
import org.rongtong.outbox.UuidV7;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Viewer;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MatchingService {

    private static final Logger LOG = Logger.getLogger(MatchingService.class);
    private static final Uni<Integer> NONE = Uni.createFrom().item(0);

    /** A candidacy that still takes the enterprise's attention. */
    private static final Set<MatchStatus> LIVE = EnumSet.of(MatchStatus.PROPOSED, MatchStatus.INTERESTED, MatchStatus.SHORTLISTED);

    private final MatchEngine engine;
    private final Outbox outbox;
    private final MatchLifecycle lifecycle;

    public MatchingService(MatchEngine engine, Outbox outbox, MatchLifecycle lifecycle) {
        this.engine = engine;
        this.outbox = outbox;
        this.lifecycle = lifecycle;
    }

    /**
     * Keeps the enterprise projection; a replayed or stale event changes nothing. When an active
     * enterprise is new or changed what it offers or wants, it is matched against the open demands (reverse matching).
     * The item is the number of candidates proposed (new matches), known once the transaction committed.
     */
    @WithTransaction
    public Uni<Integer> onEnterprise(EnterpriseSnapshot snapshot) {
        return rankingLock().chain(() -> Candidate.<Candidate>findById(snapshot.id())).chain(known -> {
            if (known != null && known.version >= snapshot.version()) {
                return NONE;
            }
            // what gates, relevance, roles and stated minimums read: a change to any of them may make a new fit
            boolean offerChanged = known == null || !known.active || !Objects.equals(known.capabilities, snapshot.capabilities())
                    || !Objects.equals(known.willingness, snapshot.willingness())
                    || !Objects.equals(known.products, snapshot.products())
                    || !Objects.equals(known.description, snapshot.description())
                    || !Objects.equals(known.name, snapshot.name()) || known.kind != snapshot.kind()
                    || !Objects.equals(known.regionCode, snapshot.regionCode()) || !Objects.equals(known.tier, snapshot.tier())
                    || !Objects.equals(known.employees, snapshot.employees()) || !Objects.equals(known.revenue, snapshot.revenue());
            boolean deactivated = known != null && known.active && !snapshot.active();
            Candidate target = known != null ? known : new Candidate();
            MatchMapper.apply(snapshot, target);
            // the index is this replica's, kept from the committed event by its own consumer (ReplicaIndex, ADR 0023)
            Uni<Void> saved = known != null ? Uni.createFrom().voidItem() : target.persist().replaceWithVoid();
            if (deactivated) {
                // a candidate that left the programme is no longer waiting on anyone's demand (ADR 0015)
                return saved.chain(() -> lifecycle.endCandidacies(target.id, CloseReason.ENTERPRISE_DEACTIVATED)).replaceWith(0);
            }
            return target.active && offerChanged ? saved.chain(() -> reverseMatch(target)) : saved.replaceWith(0);
        });
    }

    /**
     * New good fits of one enterprise among the open demands that were already ranked become matches (never twice
     * for a pair; the list is re-ranked by score), and each such demand gets a new DemandMatched with its full list:
     * that event's contract says a later one replaces the earlier list.
     */
    private Uni<Integer> reverseMatch(Candidate candidate) {
        return OpenDemand.<OpenDemand>list("status", DemandStatus.PUBLISHED).chain(open -> Match.<Match>list("enterpriseId", candidate.id)
                .chain(existing -> {
                    Set<UUID> already = new HashSet<>();
                    existing.forEach(m -> already.add(m.demandId));
                    Uni<Integer> chain = NONE;
                    for (OpenDemand demand : open) {
                        if (already.contains(demand.id) || candidate.willingness.getOrDefault(demand.field, Willingness.NONE)
                                == Willingness.NONE) {
                            continue;
                        }
                        Candidate publisher = engine.index().profile(demand.publisherId);
                        String publisherRegion = publisher == null ? null : publisher.regionCode;
                        var fit = engine.score(demand, publisherRegion, candidate);
                        if (fit.isPresent()) {
                            // counted afresh for each demand: a match appended just before is a live candidacy too
                            chain = chain.chain(proposed -> openCandidacies(Set.of(candidate.id))
                                    .chain(counts -> appendMatch(demand, publisherRegion, engine.exposure().damp(fit.get(), counts)))
                                    .map(one -> proposed + one));
                        }
                    }
                    return chain;
                }));
    }

    /** One if the fit became a match, else 0. */
    private Uni<Integer> appendMatch(OpenDemand demand, String publisherRegion, Scorer.Scored fit) {
        if (demand.rankedAt == null) {
            return NONE; // not ranked yet: the demand's own ranking will find it
        }
        return Match.forDemand(demand.id).chain(matches -> {
            // a full list takes a later fit only when it beats the last place (the list is never cut: see issue 13)
            if (matches.size() >= engine.maxCandidates()
                    && matches.stream().allMatch(existing -> existing.score >= fit.score())) {
                return NONE;
            }
            Match m = newMatch(demand, fit, matches.size() + 1, Match.Origin.REVERSE, Instant.now());
            List<Match> all = new ArrayList<>(matches);
            all.add(m);
            // ranks follow scores whatever order the candidates arrived in (the existing rows are managed: updated at commit)
            all.sort(java.util.Comparator.comparingDouble((Match x) -> x.score).reversed().thenComparing(x -> x.enterpriseId));
            for (int i = 0; i < all.size(); i++) {
                all.get(i).rank = i + 1;
            }
            LOG.infof("Demand %s: %s proposed later (score %.3f)", demand.id, fit.candidate().id, fit.score());
            String region = MatchMapper.regionOf(demand, publisherRegion);
            return m.persist().chain(() -> outbox.append(Topics.MATCHES, EventTypes.DEMAND_MATCHED, EventSources.MATCHING,
                    demand.id, MatchMapper.toEvent(demand, region, publisherRegion, all, this::registeredIn, m.createdAt))).replaceWith(1);
        });
    }

    /** Where an enterprise is registered, as the index knows it (null if unknown). */
    private String registeredIn(UUID enterprise) {
        Candidate c = engine.index().profile(enterprise);
        return c == null ? null : c.regionCode;
    }

    private static Match newMatch(OpenDemand demand, Scorer.Scored s, int rank, Match.Origin origin, Instant now) {
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
        return rankingLock().chain(() -> OpenDemand.<OpenDemand>findById(snapshot.id())).chain(known -> {
            if (known != null && known.version >= snapshot.version()) {
                return NONE;
            }
            OpenDemand demand = known != null ? known : new OpenDemand();
            MatchMapper.apply(snapshot, demand);
            Uni<Void> saved = known != null ? Uni.createFrom().voidItem() : demand.persist().replaceWithVoid();
            CloseReason ended = CloseReason.ofDemand(demand.status);
            if (ended != null) {
                // the demand closed, was withdrawn or expired: its live matches end with it (ADR 0015)
                return saved.chain(() -> lifecycle.endLiveMatches(demand, ended)).replaceWith(0);
            }
            if (demand.status != DemandStatus.PUBLISHED) {
                return saved.replaceWith(0);
            }
            return saved.chain(() -> Match.existForDemand(demand.id))
                    .chain(matchedBefore -> matchedBefore || demand.rankedAt != null ? NONE : rank(demand));
        });
    }

    private Uni<Integer> rank(OpenDemand demand) {
        // the publisher's region as reverse matching reads it (the index), so a pair scores alike on both paths
        Candidate pub = engine.index().profile(demand.publisherId);
        return Uni.createFrom().voidItem().chain(() -> {
            String publisherRegion = pub == null ? null : pub.regionCode;
            List<Scorer.Scored> candidates = engine.candidates(demand, publisherRegion);
            Set<UUID> ids = new HashSet<>();
            candidates.forEach(c -> ids.add(c.candidate().id));
            return openCandidacies(ids).chain(open -> {
                List<Scorer.Scored> ranked = engine.select(candidates, open);
                Instant now = Instant.now();
                demand.rankedAt = now;
                List<Match> matches = new ArrayList<>();
                for (int i = 0; i < ranked.size(); i++) {
                    matches.add(newMatch(demand, ranked.get(i), i + 1, Match.Origin.RANKED, now));
                }
                LOG.infof("Demand %s: %d candidate(s) proposed out of %d indexed", demand.id, matches.size(), engine.index().size());
                // no fitting enterprise yet is an answer too: an empty list and its event; the demand stays open to
                // reverse matching (Panache refuses to persist an empty list, which once sent such demands to the DLQ)
                Uni<Void> persisted = matches.isEmpty() ? Uni.createFrom().voidItem() : Match.persist(matches);
                return persisted
                        .chain(() -> outbox.append(Topics.MATCHES, EventTypes.DEMAND_MATCHED, EventSources.MATCHING, demand.id,
                                MatchMapper.toEvent(demand, MatchMapper.regionOf(demand, publisherRegion), publisherRegion, matches,
                                        this::registeredIn, now)))
                        .replaceWith(matches.size());
            });
        });
    }

    /**
     * Ranking a new demand and matching a new enterprise against the open demands run one at a time, until commit.
     * Without it a fit could be lost: the demand's ranking read the index just before the enterprise was put into it,
     * and the enterprise's reverse matching listed the open demands just before the demand's transaction committed
     * (seen in EndToEndIT: the second candidate never proposed). A transaction-scoped advisory lock, so replicas take
     * turns as well; enterprise events are otherwise short, so the wait is too.
     */
    static Uni<Void> rankingLock() {
        return Candidate.getSession().chain(session -> session
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('rongtong-matching-rank'))", Integer.class)
                .getSingleResult()).replaceWithVoid();
    }

    /** Per enterprise: the open demands it is a live candidate for (proposed, interested or shortlisted), for fair exposure. */
    private static Uni<Map<UUID, Integer>> openCandidacies(Set<UUID> enterpriseIds) {
        if (enterpriseIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Match.getSession().chain(session -> session.createSelectionQuery("""
                select m.enterpriseId, count(m) from Match m, OpenDemand d
                where d.id = m.demandId and d.status = :published and m.status in :live and m.enterpriseId in :ids
                group by m.enterpriseId""", Object[].class)
                .setParameter("published", DemandStatus.PUBLISHED)
                .setParameter("live", LIVE)
                .setParameter("ids", enterpriseIds)
                .getResultList())
                .map(rows -> {
                    Map<UUID, Integer> counts = new HashMap<>();
                    rows.forEach(r -> counts.put((UUID) r[0], ((Number) r[1]).intValue()));
                    return counts;
                });
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

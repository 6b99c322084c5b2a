package org.rongtong.matching.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.matching.config.MatchingConfig;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.Match;
import org.rongtong.matching.model.OpenDemand;
import org.rongtong.outbox.Outbox;
import org.rongtong.outbox.UuidV7;
import org.rongtong.web.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MatchingService {

    private static final Logger LOG = Logger.getLogger(MatchingService.class);

    private final Scorer scorer;
    private final Outbox outbox;
    private final MatchingConfig config;

    public MatchingService(Scorer scorer, Outbox outbox, MatchingConfig config) {
        this.scorer = scorer;
        this.outbox = outbox;
        this.config = config;
    }

    /** Keeps the enterprise projection; a replayed or stale event changes nothing. */
    @WithTransaction
    public Uni<Void> onEnterprise(EnterpriseSnapshot snapshot) {
        return Candidate.<Candidate>findById(snapshot.id()).chain(known -> {
            if (known != null && known.version >= snapshot.version()) {
                return Uni.createFrom().voidItem();
            }
            Candidate target = known != null ? known : new Candidate();
            MatchMapper.apply(snapshot, target);
            return known != null ? Uni.createFrom().voidItem() : target.persist().replaceWithVoid();
        });
    }

    /**
     * Keeps the demand projection and, the first time a demand is seen published, ranks the candidates and
     * emits one match event with them, in the same transaction (through the outbox).
     */
    @WithTransaction
    public Uni<Void> onDemand(DemandSnapshot snapshot) {
        return OpenDemand.<OpenDemand>findById(snapshot.id()).chain(known -> {
            if (known != null && known.version >= snapshot.version()) {
                return Uni.createFrom().voidItem();
            }
            OpenDemand demand = known != null ? known : new OpenDemand();
            MatchMapper.apply(snapshot, demand);
            Uni<Void> saved = known != null ? Uni.createFrom().voidItem() : demand.persist().replaceWithVoid();
            if (demand.status != DemandStatus.PUBLISHED) {
                return saved;
            }
            return saved.chain(() -> Match.existForDemand(demand.id))
                    .chain(matchedBefore -> matchedBefore ? Uni.createFrom().voidItem() : rank(demand));
        });
    }

    private Uni<Void> rank(OpenDemand demand) {
        Uni<Candidate> publisher = Candidate.findById(demand.publisherId);
        return publisher.chain(pub -> Candidate.<Candidate>list("active = true").chain(candidates -> {
            String publisherRegion = pub == null ? null : pub.regionCode;
            List<Scorer.Scored> ranked = candidates.stream()
                    .map(c -> scorer.score(demand, publisherRegion, c))
                    .flatMap(java.util.Optional::stream)
                    .sorted(Comparator.comparingDouble(Scorer.Scored::score).reversed()
                            .thenComparing(s -> s.candidate().id))
                    .limit(config.maxCandidates())
                    .toList();
            Instant now = Instant.now();
            List<Match> matches = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                Scorer.Scored s = ranked.get(i);
                Match m = new Match();
                m.id = UuidV7.next();
                m.demandId = demand.id;
                m.enterpriseId = s.candidate().id;
                m.enterpriseName = s.candidate().name;
                m.rank = i + 1;
                m.score = s.score();
                m.reasons = s.reasons();
                m.status = Match.Status.PROPOSED;
                m.createdAt = now;
                matches.add(m);
            }
            LOG.infof("Demand %s: %d candidate(s) proposed out of %d active", demand.id, matches.size(), candidates.size());
            String region = !demand.regionCodes.isEmpty() ? demand.regionCodes.get(0) : publisherRegion;
            return Match.persist(matches)
                    .chain(() -> outbox.append(Topics.MATCHES, EventTypes.DEMAND_MATCHED, EventSources.MATCHING, demand.id,
                            MatchMapper.toEvent(demand, region, matches, now)))
                    .replaceWithVoid();
        }));
    }

    @WithSession
    public Uni<OpenDemand> demand(UUID id) {
        return OpenDemand.<OpenDemand>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Demand", id));
    }

    @WithSession
    public Uni<List<Match>> matches(UUID demandId) {
        return Match.forDemand(demandId);
    }
}

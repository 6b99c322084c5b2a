package org.rongtong.matching.service;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.rongtong.events.CloseReason;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.MatchChanged;
import org.rongtong.events.MatchStatus;
import org.rongtong.events.ProposalSnapshot;
import org.rongtong.events.ProposalStatus;
import org.rongtong.events.Topics;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.Match;
import org.rongtong.matching.model.OpenDemand;
import org.rongtong.matching.model.ProposalSeen;
import org.rongtong.messaging.NotYetException;
import org.rongtong.outbox.Outbox;
import org.rongtong.ids.UuidV7;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.rest.Versions;
import org.rongtong.web.security.Caller;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The answers that move a match, from the API and from proposals; every move is a {@link MatchChanged} event. */
@ApplicationScoped
public class MatchLifecycle {

    private static final Logger LOG = Logger.getLogger(MatchLifecycle.class);

    /** A candidacy still open: what a demand's end or the candidate's deactivation ends. */
    static final Set<MatchStatus> LIVE = EnumSet.of(MatchStatus.PROPOSED, MatchStatus.INTERESTED, MatchStatus.SHORTLISTED);

    private final Outbox outbox;
    private final MatchEngine engine;

    public MatchLifecycle(Outbox outbox, MatchEngine engine) {
        this.outbox = outbox;
        this.engine = engine;
    }

    public record Moved(Match match, OpenDemand demand) {
    }

    @WithSession
    public Uni<Moved> find(UUID matchId, Caller caller) {
        return load(matchId).invoke(found -> requireParty(found, caller));
    }

    /**
     * One move by the caller. Repeating the move that led to the current status answers the match unchanged (a retried
     * request is harmless); any other move the lifecycle does not allow from here is a 409, and a move that loses the race
     * to a concurrent one is a 412 like a stale If-Match (ADR 0032).
     */
    @WithTransaction
    public Uni<Moved> move(UUID matchId, MatchMove move, String note, Long ifMatch, Caller caller) {
        return load(matchId).chain(found -> {
            Match match = found.match();
            OpenDemand demand = found.demand();
            caller.requireActsFor(move.side == MatchMove.Side.CANDIDATE ? match.enterpriseId : demand.publisherId);
            if (ifMatch != null) {
                Versions.requireCurrent(ifMatch, match.version);
            }
            if (match.status == move.to) {
                return Uni.createFrom().item(found);
            }
            if (!move.allowedFrom(match.status)) {
                throw ProblemException.conflict("Move not allowed", "A match in status " + match.status + " cannot be moved by "
                        + move.path() + "; allowed from " + move.from);
            }
            if (!move.allowedWhile(demand.status)) {
                throw ProblemException.conflict("Demand not open for this move", "The demand is " + demand.status + "; "
                        + (move.side == MatchMove.Side.CANDIDATE ? "candidates answer only while it is PUBLISHED"
                                : "its publisher decides only while it is PUBLISHED, CLOSED or EXPIRED"));
            }
            return apply(match, demand, move, MatchChanged.VIA_API, null, note).replaceWith(found);
        }).onFailure(Versions::isOptimisticLockFailure).transform(f -> Versions.lostRace());
    }

    /** A proposal submitted in demand-service counts as interest: it moves an existing match or creates one. */
    @WithTransaction
    public Uni<Void> onProposal(ProposalSnapshot proposal) {
        if (proposal.status() != ProposalStatus.OPEN) {
            return Uni.createFrom().voidItem(); // a withdrawn proposal takes no answer back: the candidate may decline
        }
        return ProposalSeen.<ProposalSeen>findById(proposal.id()).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().voidItem(); // replayed or edited: counted once
            }
            ProposalSeen mark = new ProposalSeen();
            mark.id = proposal.id();
            mark.version = proposal.version();
            return mark.persist().chain(() -> OpenDemand.<OpenDemand>findById(proposal.demandId())).chain(demand -> {
                if (demand == null) {
                    // the demand's snapshot travels on another topic and may not be here yet: wait for it (never park)
                    return Uni.createFrom().failure(new NotYetException("Demand " + proposal.demandId() + " of proposal "
                            + proposal.id() + " is not in the projection yet"));
                }
                if (demand.status != DemandStatus.PUBLISHED) {
                    return Uni.createFrom().voidItem(); // the demand ended since: its matches are ended, none is started
                }
                return Match.forPair(demand.id, proposal.proposerId()).chain(match -> match != null
                        ? interestFromProposal(match, demand, proposal)
                        : newInterestedMatch(demand, proposal));
            });
        });
    }

    /**
     * Ends every live match (PROPOSED, INTERESTED, SHORTLISTED) of a demand that has just ended, each with a
     * {@code match.ended.v1} event (ADR 0015); confirmed, declined and rejected matches keep their status. Only live
     * matches are touched, so a replayed demand event ends nothing twice.
     */
    public Uni<Void> endLiveMatches(OpenDemand demand, CloseReason reason) {
        return Match.<Match>list("demandId = ?1 and status in ?2 order by rank", demand.id, LIVE)
                .chain(live -> endAll(live, reason, ignored -> Uni.createFrom().item(demand)));
    }

    /** A deactivated enterprise's live candidacies on published demands end (its demands are withdrawn by demand-service). */
    public Uni<Void> endCandidacies(UUID enterpriseId, CloseReason reason) {
        return Match.<Match>list("enterpriseId = ?1 and status in ?2 order by demandId", enterpriseId, LIVE)
                .chain(live -> endAll(live, reason, m -> OpenDemand.<OpenDemand>findById(m.demandId)));
    }

    private Uni<Void> endAll(List<Match> matches, CloseReason reason, java.util.function.Function<Match, Uni<OpenDemand>> demandOf) {
        Uni<Void> done = Uni.createFrom().voidItem();
        // one after the other: a reactive session runs one operation at a time
        for (Match match : matches) {
            done = done.chain(() -> demandOf.apply(match).chain(demand -> demand == null ? Uni.createFrom().voidItem() : end(match, demand, reason)));
        }
        return done;
    }

    private Uni<Void> end(Match match, OpenDemand demand, CloseReason reason) {
        MatchStatus previous = match.status;
        Instant now = Instant.now();
        match.status = MatchStatus.ENDED;
        match.note = null;
        match.updatedAt = now;
        return Candidate.<Candidate>findById(demand.publisherId).chain(publisher -> Candidate.<Candidate>findById(match.enterpriseId)
                .chain(candidate -> match.flush().chain(() -> outbox.append(Topics.MATCHES, EventTypes.MATCH_ENDED, EventSources.MATCHING,
                        demand.id, MatchMapper.toEvent(match, demand, publisher == null ? null : publisher.regionCode,
                                candidate == null ? null : candidate.regionCode, previous, MatchChanged.VIA_END, null, now, reason)))))
                .replaceWithVoid();
    }

    private Uni<Void> interestFromProposal(Match match, OpenDemand demand, ProposalSnapshot proposal) {
        if (!MatchMove.INTEREST.allowedFrom(match.status)) {
            return Uni.createFrom().voidItem(); // already interested or further along
        }
        return apply(match, demand, MatchMove.INTEREST, MatchChanged.VIA_PROPOSAL, proposal.id(), null);
    }

    /** An enterprise that was not proposed but proposed itself: a match of origin PROPOSAL, ranked after the others. */
    private Uni<Void> newInterestedMatch(OpenDemand demand, ProposalSnapshot proposal) {
        return Candidate.<Candidate>findById(proposal.proposerId()).chain(proposer -> {
            if (proposer == null) {
                return Uni.createFrom().failure(new NotYetException("Proposer " + proposal.proposerId() + " of proposal "
                        + proposal.id() + " is not in the projection yet"));
            }
            return Candidate.<Candidate>findById(demand.publisherId).chain(publisher -> Match.count("demandId", demand.id).chain(count -> {
                String publisherRegion = publisher == null ? null : publisher.regionCode;
                Instant now = Instant.now();
                Match m = new Match();
                m.id = UuidV7.next();
                m.demandId = demand.id;
                m.enterpriseId = proposer.id;
                m.enterpriseName = proposer.name;
                m.rank = count.intValue() + 1;
                var fit = engine.score(demand, publisherRegion, proposer);
                m.score = fit.map(Scorer.Scored::score).orElse(0.0);
                m.reasons = fit.map(Scorer.Scored::reasons).orElse(List.of(
                        new org.rongtong.events.DemandMatched.Reason("proposal", 0, "not proposed by the engine; the enterprise proposed itself")));
                m.status = MatchStatus.PROPOSED;
                m.version = 1;
                m.origin = Match.Origin.PROPOSAL;
                m.createdAt = now;
                m.updatedAt = now;
                LOG.infof("Demand %s: %s proposed itself (proposal %s)", demand.id, proposer.id, proposal.id());
                return m.persist().chain(() -> apply(m, demand, MatchMove.INTEREST, MatchChanged.VIA_PROPOSAL, proposal.id(), null));
            }));
        });
    }

    private Uni<Void> apply(Match match, OpenDemand demand, MatchMove move, String via, UUID proposalId, String note) {
        MatchStatus previous = match.status;
        Instant now = Instant.now();
        match.status = move.to;
        match.note = note;
        match.updatedAt = now;
        if (move.side == MatchMove.Side.CANDIDATE && match.answeredAt == null) {
            match.answeredAt = now;
        }
        if (move == MatchMove.SHORTLIST) {
            match.shortlistedAt = now;
        }
        return Candidate.<Candidate>findById(demand.publisherId).chain(publisher -> Candidate.<Candidate>findById(match.enterpriseId)
                // flush first so the version in the event is the one the row now holds
                .chain(candidate -> match.flush().chain(() -> outbox.append(Topics.MATCHES, move.eventType, EventSources.MATCHING, demand.id,
                        MatchMapper.toEvent(match, demand, publisher == null ? null : publisher.regionCode,
                                candidate == null ? null : candidate.regionCode, previous, via, proposalId, now)))))
                .replaceWithVoid();
    }

    private Uni<Moved> load(UUID matchId) {
        return Match.<Match>findById(matchId).onItem().ifNull().failWith(() -> ProblemException.notFound("Match", matchId))
                .chain(match -> OpenDemand.<OpenDemand>findById(match.demandId).map(demand -> new Moved(match, demand)));
    }

    /** The candidate, the publisher, and the platform's trusted roles may read a match. */
    private static void requireParty(Moved found, Caller caller) {
        if (!caller.actsFor(found.match().enterpriseId) && !caller.actsFor(found.demand().publisherId)) {
            throw ProblemException.forbidden("The token acts for neither the candidate nor the publisher of match " + found.match().id);
        }
    }
}

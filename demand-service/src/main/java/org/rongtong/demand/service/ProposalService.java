package org.rongtong.demand.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.rongtong.demand.model.Demand;
import org.rongtong.demand.model.KnownEnterprise;
import org.rongtong.demand.model.Proposal;
import org.rongtong.demand.rest.SubmitProposalRequest;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.ProposalStatus;
import org.rongtong.events.Topics;
import org.rongtong.outbox.Outbox;
import org.rongtong.ids.UuidV7;
import org.rongtong.persistence.idempotency.IdempotencyKeys;
import org.rongtong.persistence.UniqueViolation;
import org.rongtong.persistence.paging.Pages;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.rest.Page;
import org.rongtong.web.rest.Versions;
import org.rongtong.web.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Proposals (拟合作事项): an active enterprise other than the publisher submits one against a published demand; one open
 * proposal per enterprise and demand. Only the demand's publisher reads the proposals on it; a proposer reads its own.
 */
@ApplicationScoped
public class ProposalService {

    static final String IDEMPOTENCY_SCOPE = "proposal";

    private final Outbox outbox;
    private final IdempotencyKeys idempotency;

    public ProposalService(Outbox outbox, IdempotencyKeys idempotency) {
        this.outbox = outbox;
        this.idempotency = idempotency;
    }

    /** Submits a proposal; with an Idempotency-Key, the same caller's repeated request answers the first proposal. */
    @WithTransaction
    public Uni<Created<Proposal>> submit(UUID demandId, SubmitProposalRequest request, Caller caller, String idempotencyKey) {
        UUID proposerId = Problems.actingEnterprise(request.proposerId(), caller, "proposerId");
        List<Object> asked = List.of(demandId, request);
        return idempotency.previous(IDEMPOTENCY_SCOPE, idempotencyKey, asked).chain(previous -> previous != null
                ? Proposal.<Proposal>findById(previous).map(p -> new Created<>(p, true))
                : submitNew(demandId, proposerId, request, caller)
                        .call(p -> idempotency.remember(IDEMPOTENCY_SCOPE, idempotencyKey, asked, p.id))
                        .map(p -> new Created<>(p, false)));
    }

    private Uni<Proposal> submitNew(UUID demandId, UUID proposerId, SubmitProposalRequest request, Caller caller) {
        // the demand's row is share-locked: a close, withdrawal or expiry committing meanwhile either waits for this proposal
        // (and then closes it with the others) or is seen here as the demand's end (409): no open proposal outlives its demand
        return Demand.<Demand>findById(demandId, LockModeType.PESSIMISTIC_READ).map(demand -> visible(demand, demandId, caller))
                .invoke(demand -> {
                    if (demand.publisherId.equals(proposerId)) {
                        throw ProblemException.unprocessable("Own demand", "An enterprise does not propose to its own demand");
                    }
                    if (demand.status != DemandStatus.PUBLISHED) {
                        throw ProblemException.conflict("Demand not open",
                                "Demand " + demandId + " is " + demand.status + "; proposals go to published demands only");
                    }
                })
                .call(demand -> KnownEnterprise.<KnownEnterprise>findById(proposerId)
                        .invoke(known -> Problems.requireActive(proposerId, known, "proposer")))
                .call(demand -> Proposal.count("demandId = ?1 and proposerId = ?2 and status = ?3", demandId, proposerId, ProposalStatus.OPEN)
                        .invoke(open -> {
                            if (open > 0) {
                                throw duplicate(proposerId, demandId);
                            }
                        }))
                .chain(demand -> {
                    Proposal proposal = new Proposal();
                    DemandMapper.apply(request, proposal);
                    proposal.id = UuidV7.next();
                    proposal.version = 1;
                    proposal.demandId = demandId;
                    proposal.publisherId = demand.publisherId;
                    proposal.proposerId = proposerId;
                    proposal.status = ProposalStatus.OPEN;
                    proposal.submittedAt = Instant.now();
                    proposal.updatedAt = proposal.submittedAt;
                    return proposal.<Proposal>persistAndFlush();
                })
                // two requests racing past the check above meet the partial unique index
                .onFailure(UniqueViolation::in).transform(f -> duplicate(proposerId, demandId))
                .call(proposal -> emit(EventTypes.PROPOSAL_SUBMITTED, proposal));
    }

    /** The proposals on a demand, for whoever acts for its publisher; anyone else is refused (403). */
    @WithSession
    public Uni<Page<Proposal>> listForDemand(UUID demandId, ProposalStatus status, int page, int size, Caller caller) {
        return visibleDemand(demandId, caller)
                .invoke(demand -> {
                    if (!caller.actsFor(demand.publisherId)) {
                        throw ProblemException.forbidden("Only the demand's publisher reads the proposals on it");
                    }
                })
                .chain(demand -> {
                    var query = status == null
                            ? Proposal.<Proposal>find("demandId", Sort.by("id"), demandId)
                            : Proposal.<Proposal>find("demandId = ?1 and status = ?2", Sort.by("id"), demandId, status);
                    return Pages.countThenList(query, page, size);
                });
    }

    /** One proposal, for its proposer and the demand's publisher; to anyone else it does not exist (404). */
    @WithSession
    public Uni<Proposal> find(UUID demandId, UUID proposalId, Caller caller) {
        return proposal(demandId, proposalId).invoke(p -> {
            if (!caller.actsFor(p.proposerId) && !caller.actsFor(p.publisherId)) {
                throw ProblemException.notFound("Proposal", proposalId);
            }
        });
    }

    /** The proposer withdraws its open proposal. */
    @WithTransaction
    public Uni<Proposal> withdraw(UUID demandId, UUID proposalId, Long expectedVersion, Caller caller) {
        return proposal(demandId, proposalId)
                .invoke(p -> {
                    if (!caller.actsFor(p.proposerId)) {
                        if (caller.actsFor(p.publisherId)) {
                            throw ProblemException.forbidden("Only the proposer withdraws a proposal");
                        }
                        throw ProblemException.notFound("Proposal", proposalId);
                    }
                    if (expectedVersion != null) {
                        Versions.requireCurrent(expectedVersion, p.version);
                    }
                    if (p.status != ProposalStatus.OPEN) {
                        throw Problems.illegalTransition("proposal", p.status, "withdrawn");
                    }
                })
                .chain(p -> {
                    p.status = ProposalStatus.WITHDRAWN;
                    p.updatedAt = Instant.now();
                    return Panache.flush().replaceWith(p);
                })
                .call(p -> emit(EventTypes.PROPOSAL_WITHDRAWN, p))
                .onFailure(Versions::isOptimisticLockFailure).transform(f -> Versions.lostRace());
    }

    // ---

    private Uni<Void> emit(String type, Proposal proposal) {
        return outbox.append(Topics.PROPOSALS, type, EventSources.DEMAND, proposal.id, DemandMapper.toSnapshot(proposal)).replaceWithVoid();
    }

    private static Uni<Demand> visibleDemand(UUID demandId, Caller caller) {
        return Demand.<Demand>findById(demandId).map(demand -> visible(demand, demandId, caller));
    }

    private static Demand visible(Demand demand, UUID demandId, Caller caller) {
        if (demand == null || demand.status == DemandStatus.DRAFT && !caller.actsFor(demand.publisherId)) {
            throw ProblemException.notFound("Demand", demandId);
        }
        return demand;
    }

    private static Uni<Proposal> proposal(UUID demandId, UUID proposalId) {
        return Proposal.<Proposal>findById(proposalId).map(p -> {
            if (p == null || !p.demandId.equals(demandId)) {
                throw ProblemException.notFound("Proposal", proposalId);
            }
            return p;
        });
    }

    private static ProblemException duplicate(UUID proposerId, UUID demandId) {
        return ProblemException.conflict("Proposal already open",
                "Enterprise " + proposerId + " already has an open proposal on demand " + demandId + "; withdraw it first");
    }
}

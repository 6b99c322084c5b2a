package org.rongtong.demand.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.rongtong.demand.model.Demand;
import org.rongtong.demand.model.Proposal;
import org.rongtong.events.CloseReason;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.ProposalStatus;
import org.rongtong.events.Topics;
import org.rongtong.outbox.Outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What an end leaves open is ended with it, each with its event, in the caller's transaction (ADR 0015): a demand that
 * closes, is withdrawn or expires closes its open proposals; a deactivated enterprise's published demands are withdrawn
 * and its own open proposals closed. matching-service ends the live matches from the demand events.
 */
@ApplicationScoped
public class LooseEnds {

    private static final Logger LOG = Logger.getLogger(LooseEnds.class);

    private final Outbox outbox;

    public LooseEnds(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Closes the open proposals on a demand that has just ended (its status says how). */
    public Uni<Void> demandEnded(Demand demand) {
        CloseReason reason = CloseReason.ofDemand(demand.status);
        if (reason == null) {
            return Uni.createFrom().voidItem();
        }
        return close(Proposal.<Proposal>find("demandId = ?1 and status = ?2", demand.id, ProposalStatus.OPEN), reason);
    }

    /**
     * An enterprise left the programme: its published demands are withdrawn (with their proposals) and its open proposals
     * on others' demands closed. Drafts stay as they are: they were never public, and publishing one re-checks the publisher.
     */
    public Uni<Void> enterpriseDeactivated(UUID enterpriseId) {
        return Demand.<Demand>find("publisherId = ?1 and status = ?2", enterpriseId, DemandStatus.PUBLISHED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(demands -> {
                    Instant now = Instant.now();
                    demands.forEach(d -> {
                        d.status = DemandStatus.WITHDRAWN;
                        d.updatedAt = now;
                    });
                    Uni<Void> done = Panache.flush();
                    for (Demand d : demands) {
                        done = done.chain(() -> outbox.append(Topics.DEMANDS, EventTypes.DEMAND_WITHDRAWN, EventSources.DEMAND, d.id,
                                DemandMapper.toSnapshot(d)).replaceWithVoid())
                                .chain(() -> demandEnded(d));
                    }
                    if (!demands.isEmpty()) {
                        LOG.infof("Enterprise %s deactivated: %d published demand(s) withdrawn", enterpriseId, demands.size());
                    }
                    return done;
                })
                .chain(() -> close(Proposal.<Proposal>find("proposerId = ?1 and status = ?2", enterpriseId, ProposalStatus.OPEN),
                        CloseReason.ENTERPRISE_DEACTIVATED));
    }

    private Uni<Void> close(io.quarkus.hibernate.reactive.panache.PanacheQuery<Proposal> open, CloseReason reason) {
        // locked, so a proposer withdrawing at this moment waits and then finds the proposal closed (409), not half of both
        return open.withLock(LockModeType.PESSIMISTIC_WRITE).list().chain(proposals -> {
            Instant now = Instant.now();
            for (Proposal p : proposals) {
                p.status = ProposalStatus.CLOSED;
                p.closeReason = reason;
                p.updatedAt = now;
            }
            Uni<Void> done = Panache.flush();
            for (Proposal p : proposals) {
                done = done.chain(() -> outbox.append(Topics.PROPOSALS, EventTypes.PROPOSAL_CLOSED, EventSources.DEMAND, p.id,
                        DemandMapper.toSnapshot(p)).replaceWithVoid());
            }
            return done;
        });
    }
}

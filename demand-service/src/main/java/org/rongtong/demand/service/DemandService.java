package org.rongtong.demand.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.demand.model.Demand;
import org.rongtong.demand.model.KnownEnterprise;
import org.rongtong.demand.rest.PublishDemandRequest;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.outbox.Outbox;
import org.rongtong.outbox.UuidV7;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Caller;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DemandService {

    private final Outbox outbox;

    public DemandService(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Publishes a demand for a chain leader. demand-service knows the publisher from the registry's events;
     * a publisher registered moments ago may not have arrived yet, and is then unknown (422) for that moment.
     */
    @WithTransaction
    public Uni<Demand> publish(PublishDemandRequest request, Caller caller) {
        UUID publisherId = publisherFor(request, caller);
        if (request.budgetMin() != null && request.budgetMax() != null && request.budgetMin().compareTo(request.budgetMax()) > 0) {
            throw ProblemException.invalid("budgetMax", "must not be below budgetMin");
        }
        return KnownEnterprise.<KnownEnterprise>findById(publisherId)
                .invoke(publisher -> requireActiveChainLeader(publisherId, publisher))
                .chain(publisher -> {
                    Demand demand = new Demand();
                    DemandMapper.apply(request, demand);
                    demand.id = UuidV7.next();
                    demand.version = 1;
                    demand.publisherId = publisherId;
                    demand.status = DemandStatus.PUBLISHED;
                    demand.publishedAt = Instant.now();
                    demand.updatedAt = demand.publishedAt;
                    return demand.<Demand>persistAndFlush();
                })
                .call(demand -> outbox.append(Topics.DEMANDS, EventTypes.DEMAND_PUBLISHED, EventSources.DEMAND, demand.id,
                        DemandMapper.toSnapshot(demand)));
    }

    @WithSession
    public Uni<Demand> find(UUID id) {
        return Demand.<Demand>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Demand", id));
    }

    private static UUID publisherFor(PublishDemandRequest request, Caller caller) {
        if (caller.actsForAnyEnterprise()) {
            if (request.publisherId() == null) {
                throw ProblemException.invalid("publisherId", "is required when a partner or operator publishes");
            }
            return request.publisherId();
        }
        UUID own = caller.enterpriseId().orElseThrow(() -> ProblemException.forbidden("The token names no enterprise"));
        if (request.publisherId() != null && !request.publisherId().equals(own)) {
            throw ProblemException.forbidden("An enterprise publishes only its own demands");
        }
        return own;
    }

    private static void requireActiveChainLeader(UUID id, KnownEnterprise publisher) {
        if (publisher == null) {
            throw ProblemException.unprocessable("Unknown publisher", "Enterprise " + id + " is not registered");
        }
        if (!publisher.active) {
            throw ProblemException.unprocessable("Inactive publisher", "Enterprise " + id + " is deactivated");
        }
        if (publisher.kind != EnterpriseKind.CHAIN_LEADER) {
            throw ProblemException.unprocessable("Not a chain leader",
                    "Only chain leaders publish demands; enterprise " + id + " is " + publisher.kind);
        }
    }
}

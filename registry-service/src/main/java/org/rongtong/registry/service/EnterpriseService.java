package org.rongtong.registry.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.outbox.Outbox;
import org.rongtong.outbox.UuidV7;
import org.rongtong.persistence.UniqueViolation;
import org.rongtong.registry.model.Enterprise;
import org.rongtong.registry.rest.RegisterEnterpriseRequest;
import org.rongtong.web.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EnterpriseService {

    private final Outbox outbox;

    public EnterpriseService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Registers an enterprise and, in the same transaction, its registered event. */
    @WithTransaction
    public Uni<Enterprise> register(RegisterEnterpriseRequest request) {
        return Enterprise.activeWithCreditCode(request.creditCode())
                .chain(taken -> {
                    if (taken) {
                        return Uni.createFrom().failure(duplicateCode(request.creditCode()));
                    }
                    Enterprise enterprise = new Enterprise();
                    EnterpriseMapper.apply(request, enterprise);
                    enterprise.id = UuidV7.next();
                    enterprise.version = 1;
                    enterprise.active = true;
                    enterprise.registeredAt = Instant.now();
                    enterprise.updatedAt = enterprise.registeredAt;
                    return enterprise.<Enterprise>persistAndFlush();
                })
                .call(enterprise -> outbox.append(Topics.ENTERPRISES, EventTypes.ENTERPRISE_REGISTERED, EventSources.REGISTRY,
                        enterprise.id, EnterpriseMapper.toSnapshot(enterprise)))
                .onFailure(UniqueViolation::in).transform(e -> duplicateCode(request.creditCode()));
    }

    @WithSession
    public Uni<Enterprise> find(UUID id) {
        return Enterprise.<Enterprise>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Enterprise", id));
    }

    private static ProblemException duplicateCode(String code) {
        return ProblemException.conflict("Credit code already registered",
                "An active enterprise with unified social credit code " + code + " exists");
    }
}

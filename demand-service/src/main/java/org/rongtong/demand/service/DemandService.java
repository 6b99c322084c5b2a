package org.rongtong.demand.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.rongtong.demand.model.Demand;
import org.rongtong.demand.rest.PublishBatchRequest;
import org.rongtong.demand.rest.PublishDemandRequest;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.outbox.Outbox;
import org.rongtong.persistence.idempotency.IdempotencyKeys;
import org.rongtong.web.problem.Problem.FieldError;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.problem.ProblemMappers;
import org.rongtong.web.rest.Page;
import org.rongtong.web.rest.Versions;
import org.rongtong.web.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Demands and their lifecycle {@code DRAFT → PUBLISHED → CLOSED | WITHDRAWN | EXPIRED}. Every change of a published
 * demand writes its full snapshot to the outbox in the same transaction; drafts are private and emit nothing.
 */
@ApplicationScoped
public class DemandService {

    /** The transitions a publisher asks for; expiry is the job's ({@link DemandExpiry}). */
    public enum Transition {
        PUBLISH(DemandStatus.DRAFT, DemandStatus.PUBLISHED, EventTypes.DEMAND_PUBLISHED, "published"),
        CLOSE(DemandStatus.PUBLISHED, DemandStatus.CLOSED, EventTypes.DEMAND_CLOSED, "closed"),
        WITHDRAW(DemandStatus.PUBLISHED, DemandStatus.WITHDRAWN, EventTypes.DEMAND_WITHDRAWN, "withdrawn");

        final DemandStatus from;
        final DemandStatus to;
        final String eventType;
        final String verb;

        Transition(DemandStatus from, DemandStatus to, String eventType, String verb) {
            this.from = from;
            this.to = to;
            this.eventType = eventType;
            this.verb = verb;
        }
    }

    static final String IDEMPOTENCY_SCOPE = "demand";

    private final Outbox outbox;
    private final Validator validator;
    private final LooseEnds looseEnds;
    private final IdempotencyKeys idempotency;

    public DemandService(Outbox outbox, Validator validator, LooseEnds looseEnds, IdempotencyKeys idempotency) {
        this.outbox = outbox;
        this.validator = validator;
        this.looseEnds = looseEnds;
        this.idempotency = idempotency;
    }

    /**
     * Creates a demand for a chain leader, published at once or kept as a draft. demand-service knows the publisher from
     * the registry's events; a publisher registered moments ago may not have arrived yet, and is then unknown (422).
     */
    @WithTransaction
    public Uni<Created<Demand>> create(PublishDemandRequest request, boolean draft, Caller caller, String idempotencyKey) {
        UUID publisherId = Problems.actingEnterprise(request.publisherId(), caller, "publisherId");
        DemandRules.requireValid(DemandRules.crossFieldErrors(request, ""));
        // the draft flag is part of what was asked: the same body as a draft is another request
        List<Object> asked = List.of(request, draft);
        return idempotency.previous(IDEMPOTENCY_SCOPE, idempotencyKey, asked).chain(previous -> previous != null
                ? Demand.<Demand>findById(previous)
                        .onItem().ifNull().failWith(() -> ProblemException.conflict("Idempotency-Key used",
                                "The draft first created with this key has been discarded since; use a new key"))
                        .map(d -> new Created<>(d, true))
                : DemandRules.requireActiveChainLeader(publisherId)
                        .chain(() -> {
                            Demand demand = DemandMapper.newDemand(request, publisherId, draft);
                            return demand.<Demand>persistAndFlush();
                        })
                        .call(demand -> draft ? Uni.createFrom().voidItem() : emit(EventTypes.DEMAND_PUBLISHED, demand))
                        .call(demand -> idempotency.remember(IDEMPOTENCY_SCOPE, idempotencyKey, asked, demand.id))
                        .map(demand -> new Created<>(demand, false)));
    }

    /** Many demands of one publisher, validated all or nothing; each published demand gets its own event. */
    @WithTransaction
    public Uni<List<Demand>> createBatch(PublishBatchRequest request, boolean draft, Caller caller) {
        UUID publisherId = Problems.actingEnterprise(request.publisherId(), caller, "publisherId");
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.demands().size(); i++) {
            PublishDemandRequest item = request.demands().get(i);
            String prefix = "demands[" + i + "]";
            if (item == null) {
                errors.add(new FieldError(prefix, "must not be null"));
                continue;
            }
            List<FieldError> itemErrors = new ArrayList<>();
            for (ConstraintViolation<PublishDemandRequest> v : validator.validate(item)) {
                itemErrors.add(new FieldError(prefix + "." + ProblemMappers.fieldName(v.getPropertyPath()), v.getMessage()));
            }
            itemErrors.addAll(DemandRules.crossFieldErrors(item, prefix + "."));
            if (item.publisherId() != null && !item.publisherId().equals(publisherId)) {
                itemErrors.add(new FieldError(prefix + ".publisherId", "must be the batch's publisher or left out"));
            }
            itemErrors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
            errors.addAll(itemErrors);
        }
        DemandRules.requireValid(errors);
        return DemandRules.requireActiveChainLeader(publisherId)
                .chain(() -> {
                    List<Demand> demands = request.demands().stream().map(item -> DemandMapper.newDemand(item, publisherId, draft)).toList();
                    return Demand.persist(demands).chain(Panache::flush).replaceWith(demands);
                })
                .call(demands -> {
                    Uni<Void> events = Uni.createFrom().voidItem();
                    if (!draft) {
                        // one after the other: a reactive session runs one operation at a time
                        for (Demand demand : demands) {
                            events = events.chain(() -> emit(EventTypes.DEMAND_PUBLISHED, demand));
                        }
                    }
                    return events;
                });
    }

    /** A demand the caller may see: drafts only to whoever acts for their publisher (404 to anyone else). */
    @WithSession
    public Uni<Demand> find(UUID id, Caller caller) {
        return visible(id, caller);
    }

    /** Replaces a draft's or a published demand's content; a published demand's new snapshot is published. */
    @WithTransaction
    public Uni<Demand> update(UUID id, long expectedVersion, PublishDemandRequest request, Caller caller) {
        DemandRules.requireValid(DemandRules.crossFieldErrors(request, ""));
        return forChange(id, caller)
                .invoke(demand -> {
                    Versions.requireCurrent(expectedVersion, demand.version);
                    if (request.publisherId() != null && !request.publisherId().equals(demand.publisherId)) {
                        throw ProblemException.invalid("publisherId", "cannot change; leave it out or name the current publisher");
                    }
                    if (demand.status != DemandStatus.DRAFT && demand.status != DemandStatus.PUBLISHED) {
                        throw Problems.illegalTransition("demand", demand.status, "updated");
                    }
                })
                .call(demand -> DemandRules.requireActiveChainLeader(demand.publisherId))
                .chain(demand -> {
                    DemandMapper.apply(request, demand);
                    demand.updatedAt = Instant.now();
                    return Panache.flush().replaceWith(demand);
                })
                .call(demand -> demand.status == DemandStatus.PUBLISHED ? emit(EventTypes.DEMAND_UPDATED, demand) : Uni.createFrom().voidItem())
                .onFailure(Versions::isOptimisticLockFailure).transform(f -> Versions.lostRace());
    }

    /**
     * Moves a demand along its lifecycle. {@code expectedVersion} (from If-Match) is optional here: a transition does not
     * overwrite content, but a client that sends it gets 412 when someone else changed the demand first.
     */
    @WithTransaction
    public Uni<Demand> transition(UUID id, Transition transition, Long expectedVersion, Caller caller) {
        return forChange(id, caller)
                .invoke(demand -> {
                    if (expectedVersion != null) {
                        Versions.requireCurrent(expectedVersion, demand.version);
                    }
                    if (demand.status != transition.from) {
                        throw Problems.illegalTransition("demand", demand.status, transition.verb);
                    }
                })
                .call(demand -> transition == Transition.PUBLISH ? DemandRules.requirePublishable(demand) : Uni.createFrom().voidItem())
                .chain(demand -> {
                    Instant now = Instant.now();
                    demand.status = transition.to;
                    demand.updatedAt = now;
                    if (transition == Transition.PUBLISH) {
                        demand.publishedAt = now;
                    }
                    return Panache.flush().replaceWith(demand);
                })
                .call(demand -> emit(transition.eventType, demand))
                // a closed or withdrawn demand leaves no proposal open (ADR 0015)
                .call(looseEnds::demandEnded)
                .onFailure(Versions::isOptimisticLockFailure).transform(f -> Versions.lostRace());
    }

    /** A draft was never public, so discarding it leaves no trace and emits nothing; anything else is 409. */
    @WithTransaction
    public Uni<Void> discardDraft(UUID id, Long expectedVersion, Caller caller) {
        return forChange(id, caller)
                .invoke(demand -> {
                    if (expectedVersion != null) {
                        Versions.requireCurrent(expectedVersion, demand.version);
                    }
                    if (demand.status != DemandStatus.DRAFT) {
                        throw Problems.illegalTransition("demand", demand.status, "discarded; close or withdraw it instead");
                    }
                })
                .chain(demand -> demand.delete());
    }

    /** Demands open to a region overlapping {@code prefix}, or published by an enterprise within it. */
    private static void concerning(StringBuilder where, List<Object[]> params, String name, String prefix) {
        // (a text block loses its leading blank: the space before AND is explicit)
        where.append(' ').append("""
                AND (EXISTS (SELECT 1 FROM jsonb_array_elements_text(CAST(d.region_codes AS jsonb)) AS r(code)
                             WHERE r.code LIKE :%1$s || '%%' OR :%1$s LIKE r.code || '%%')
                     OR EXISTS (SELECT 1 FROM known_enterprise k WHERE k.id = d.publisher_id AND k.region_code LIKE :%1$s || '%%'))"""
                .formatted(name));
        params.add(new Object[] {name, prefix});
    }

    /** Lists demands the caller may see, newest first. */
    @WithSession
    public Uni<Page<Demand>> list(DemandFilter filter, int page, int size, Caller caller) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object[]> params = new ArrayList<>();
        // drafts are private to those who act for their publisher
        if (!caller.isOperator()) {
            Set<UUID> actsFor = new HashSet<>(caller.grantedEnterprises());
            caller.enterpriseId().ifPresent(actsFor::add);
            if (actsFor.isEmpty()) {
                where.append(" AND d.status <> 'DRAFT'");
            } else {
                where.append(" AND (d.status <> 'DRAFT' OR d.publisher_id IN (:self))");
                params.add(new Object[] {"self", actsFor});
            }
        }
        if (filter.publisher() != null) {
            where.append(" AND d.publisher_id = :publisher");
            params.add(new Object[] {"publisher", filter.publisher()});
        }
        if (filter.field() != null) {
            where.append(" AND d.field = :field");
            params.add(new Object[] {"field", filter.field().name()});
        }
        if (filter.chain() != null) {
            where.append(" AND d.chain = :chain");
            params.add(new Object[] {"chain", filter.chain()});
        }
        if (filter.status() != null) {
            where.append(" AND d.status = :status");
            params.add(new Object[] {"status", filter.status().name()});
        }
        if (filter.region() != null) {
            concerning(where, params, "region", filter.region());
        }
        // a bureau's list holds what concerns its region (docs/role-matrix.md), whatever else it filters by
        if (caller.isBureau()) {
            concerning(where, params, "bureauRegion", caller.regionPrefix()
                    .orElseThrow(() -> ProblemException.forbidden("The bureau token names no region")));
        }
        if (filter.deadlineFrom() != null) {
            where.append(" AND d.deadline >= :deadlineFrom");
            params.add(new Object[] {"deadlineFrom", filter.deadlineFrom()});
        }
        if (filter.deadlineTo() != null) {
            where.append(" AND d.deadline <= :deadlineTo");
            params.add(new Object[] {"deadlineTo", filter.deadlineTo()});
        }
        return NativePages.page(Demand.class, "d", "FROM demand d" + where, "d.id DESC", params, page, size);
    }

    // ---

    private Uni<Void> emit(String type, Demand demand) {
        return outbox.append(Topics.DEMANDS, type, EventSources.DEMAND, demand.id, DemandMapper.toSnapshot(demand)).replaceWithVoid();
    }

    private static Uni<Demand> visible(UUID id, Caller caller) {
        return Demand.<Demand>findById(id).map(demand -> {
            if (demand == null || demand.status == DemandStatus.DRAFT && !caller.actsFor(demand.publisherId)) {
                throw ProblemException.notFound("Demand", id);
            }
            return demand;
        });
    }

    /** A demand the caller may change: 404 when it cannot see it, 403 when it does not act for the publisher. */
    private static Uni<Demand> forChange(UUID id, Caller caller) {
        return visible(id, caller).invoke(demand -> caller.requireActsFor(demand.publisherId));
    }
}

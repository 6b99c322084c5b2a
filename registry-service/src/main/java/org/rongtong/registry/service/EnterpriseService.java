package org.rongtong.registry.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.outbox.Outbox;
import org.rongtong.ids.UuidV7;
import org.rongtong.persistence.UniqueViolation;
import org.rongtong.persistence.idempotency.IdempotencyKeys;
import org.rongtong.registry.model.Enterprise;
import org.rongtong.registry.rest.RegisterEnterpriseRequest;
import org.rongtong.web.problem.Problem;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.rest.Versions;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EnterpriseService {

    static final String IDEMPOTENCY_SCOPE = "enterprise";

    private final Outbox outbox;
    private final ProfileRules rules;
    private final IdempotencyKeys idempotency;

    public EnterpriseService(Outbox outbox, ProfileRules rules, IdempotencyKeys idempotency) {
        this.outbox = outbox;
        this.rules = rules;
        this.idempotency = idempotency;
    }

    public record Registered(Enterprise enterprise, boolean replayed) {
    }

    /**
     * Registers an enterprise and, in the same transaction, its registered event. With an Idempotency-Key, a
     * repeated request returns the enterprise the first one registered.
     */
    @WithTransaction
    public Uni<Registered> register(RegisterEnterpriseRequest request, String idempotencyKey) {
        requireReferences(request);
        return idempotency.previous(IDEMPOTENCY_SCOPE, idempotencyKey, request).chain(previous -> previous != null
                ? Enterprise.<Enterprise>findById(previous).map(e -> new Registered(e, true))
                : create(request)
                        .call(e -> idempotency.remember(IDEMPOTENCY_SCOPE, idempotencyKey, request, e.id))
                        .map(e -> new Registered(e, false)))
                .onFailure(UniqueViolation::in).transform(e -> duplicateCode(request.creditCode()));
    }

    private Uni<Enterprise> create(RegisterEnterpriseRequest request) {
        return Enterprise.activeWithCreditCode(request.creditCode()).chain(taken -> {
            if (taken) {
                return Uni.createFrom().failure(duplicateCode(request.creditCode()));
            }
            Enterprise enterprise = newEnterprise(request);
            // flushed here so that a concurrent registration of the same code fails inside this chain (409)
            return enterprise.<Enterprise>persistAndFlush().call(e -> publish(EventTypes.ENTERPRISE_REGISTERED, e));
        });
    }

    static Enterprise newEnterprise(RegisterEnterpriseRequest request) {
        return newEnterprise(request, Instant.now());
    }

    /** A new enterprise registered at {@code at} (a bulk import registers a chunk's rows at one instant). */
    static Enterprise newEnterprise(RegisterEnterpriseRequest request, Instant at) {
        Enterprise enterprise = new Enterprise();
        EnterpriseMapper.apply(request, enterprise);
        enterprise.id = UuidV7.next();
        enterprise.version = 1;
        enterprise.active = true;
        enterprise.registeredAt = at;
        enterprise.updatedAt = at;
        return enterprise;
    }

    /**
     * Replaces the profile of the version the caller read; the credit code identifies the enterprise and stays. Kind,
     * tier and region are facts a bureau or an operator vouches for: unless {@code mayChangeVouchedFacts}, a request
     * that changes them is refused whole (403 naming the fields).
     */
    @WithTransaction
    public Uni<Enterprise> update(UUID id, long expectedVersion, RegisterEnterpriseRequest request, boolean mayChangeVouchedFacts) {
        requireReferences(request);
        return load(id).chain(enterprise -> {
            Versions.requireCurrent(expectedVersion, enterprise.version);
            if (!enterprise.creditCode.equals(request.creditCode())) {
                throw ProblemException.invalid("creditCode", "cannot change; it identifies the enterprise (" + enterprise.creditCode + ")");
            }
            if (!mayChangeVouchedFacts) {
                List<Problem.FieldError> changed = ProfileRules.vouchedFactsChanged(enterprise, request);
                if (!changed.isEmpty()) {
                    throw ProblemException.forbiddenFields("Kind, tier and region are vouched for by an operator or a "
                            + "partner acting for the enterprise; the enterprise cannot change them itself", changed);
                }
            }
            EnterpriseMapper.apply(request, enterprise);
            return changed(enterprise, EventTypes.ENTERPRISE_UPDATED);
        });
    }

    @WithTransaction
    public Uni<Enterprise> deactivate(UUID id, long expectedVersion) {
        return load(id).chain(enterprise -> {
            Versions.requireCurrent(expectedVersion, enterprise.version);
            if (!enterprise.active) {
                throw ProblemException.conflict("Already inactive", "Enterprise " + id + " is already deactivated");
            }
            enterprise.active = false;
            return changed(enterprise, EventTypes.ENTERPRISE_DEACTIVATED);
        });
    }

    @WithTransaction
    public Uni<Enterprise> reactivate(UUID id, long expectedVersion) {
        return load(id).chain(enterprise -> {
            Versions.requireCurrent(expectedVersion, enterprise.version);
            if (enterprise.active) {
                throw ProblemException.conflict("Already active", "Enterprise " + id + " is active");
            }
            return Enterprise.activeWithCreditCode(enterprise.creditCode).chain(taken -> {
                if (taken) {
                    return Uni.createFrom().failure(duplicateCode(enterprise.creditCode));
                }
                enterprise.active = true;
                return changed(enterprise, EventTypes.ENTERPRISE_REACTIVATED);
            });
        }).onFailure(UniqueViolation::in).transform(e -> ProblemException.conflict("Credit code already registered",
                "Another active enterprise holds this credit code"));
    }

    @WithSession
    public Uni<Enterprise> find(UUID id) {
        return load(id);
    }

    /**
     * A page of the directory in id order (time-ordered ids: registration order). Native SQL, because chains and
     * willingness are JSON text columns matched by their serialised form, which HQL would not compare as text.
     */
    @WithSession
    public Uni<List<Enterprise>> search(EnterpriseSearch s) {
        StringBuilder where = new StringBuilder("TRUE");
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        if (s.kind() != null) {
            where.append(" AND kind = :kind");
            p.put("kind", s.kind().name());
        }
        if (s.tier() != null) {
            where.append(" AND tier = :tier");
            p.put("tier", s.tier());
        }
        if (s.chain() != null) {
            // a JSON array of codes; codes cannot contain quotes, so the quoted code matches exactly
            where.append(" AND chains LIKE :chain");
            p.put("chain", "%\"" + s.chain() + "\"%");
        }
        if (s.willingFor() != null) {
            where.append(" AND (willingness LIKE :strong OR willingness LIKE :open)");
            p.put("strong", "%\"" + s.willingFor() + "\":\"STRONG\"%");
            p.put("open", "%\"" + s.willingFor() + "\":\"OPEN\"%");
        }
        if (s.regionPrefix() != null) {
            where.append(" AND region_code LIKE :region");
            p.put("region", s.regionPrefix() + "%");
        }
        if (s.text() != null) {
            where.append(" AND (name ILIKE :text OR capabilities ILIKE :text OR english_name ILIKE :text)");
            p.put("text", "%" + s.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (s.active() != null) {
            where.append(" AND active = :active");
            p.put("active", s.active());
        }
        if (s.after() != null) {
            where.append(" AND id > :after");
            p.put("after", s.after());
        }
        String sql = "SELECT * FROM enterprise WHERE " + where + " ORDER BY id LIMIT " + s.size();
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Enterprise.class);
            p.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    private void requireReferences(RegisterEnterpriseRequest request) {
        var errors = rules.referenceProblems(request);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private Uni<Enterprise> load(UUID id) {
        return Enterprise.<Enterprise>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Enterprise", id));
    }

    /** Flushes the change (the version rises by one, or a concurrent change makes it fail) and emits the new snapshot. */
    private Uni<Enterprise> changed(Enterprise enterprise, String eventType) {
        enterprise.updatedAt = Instant.now();
        return Panache.getSession().chain(session -> session.flush())
                .onFailure(Versions::isOptimisticLockFailure).transform(e -> Versions.lostRace())
                .replaceWith(enterprise)
                .call(e -> publish(eventType, e));
    }

    Uni<?> publish(String type, Enterprise e) {
        return outbox.append(Topics.ENTERPRISES, type, EventSources.REGISTRY, e.id, EnterpriseMapper.toSnapshot(e));
    }

    static ProblemException duplicateCode(String code) {
        return ProblemException.conflict("Credit code already registered",
                "An active enterprise with unified social credit code " + code + " exists");
    }
}

package org.rongtong.demand.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.rongtong.demand.model.KnownEnterprise;
import org.rongtong.events.EnterpriseSnapshot;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Keeps demand-service's view of enterprises from the registry's events; replays and stale events change nothing. An
 * enterprise seen active and now deactivated leaves nothing open behind it ({@link LooseEnds#enterpriseDeactivated}),
 * in the same transaction as the projection: a redelivered deactivation is stale by then and ends nothing twice.
 */
@ApplicationScoped
public class EnterpriseProjection {

    private static final Logger LOG = Logger.getLogger(EnterpriseProjection.class);

    private final LooseEnds looseEnds;

    public EnterpriseProjection(LooseEnds looseEnds) {
        this.looseEnds = looseEnds;
    }

    @WithTransaction
    public Uni<Void> apply(EnterpriseSnapshot snapshot) {
        return KnownEnterprise.<KnownEnterprise>findById(snapshot.id()).chain(known -> {
            if (known != null && known.version >= snapshot.version()) {
                LOG.debugf("Enterprise %s version %d already seen", snapshot.id(), snapshot.version());
                return Uni.createFrom().voidItem();
            }
            boolean deactivated = known != null && known.active && !snapshot.active();
            KnownEnterprise target = known != null ? known : new KnownEnterprise();
            DemandMapper.apply(snapshot, target);
            Uni<Void> saved = known != null ? Uni.createFrom().voidItem() : target.persist().replaceWithVoid();
            return deactivated ? saved.chain(() -> looseEnds.enterpriseDeactivated(snapshot.id())) : saved;
        });
    }
}

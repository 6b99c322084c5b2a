package org.rongtong.demand.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.rongtong.demand.model.KnownEnterprise;
import org.rongtong.events.EnterpriseSnapshot;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Keeps demand-service's view of enterprises from the registry's events; replays and stale events change nothing. */
@ApplicationScoped
public class EnterpriseProjection {

    private static final Logger LOG = Logger.getLogger(EnterpriseProjection.class);

    @WithTransaction
    public Uni<Void> apply(EnterpriseSnapshot snapshot) {
        return KnownEnterprise.<KnownEnterprise>findById(snapshot.id()).chain(known -> {
            if (known != null && known.version >= snapshot.version()) {
                LOG.debugf("Enterprise %s version %d already seen", snapshot.id(), snapshot.version());
                return Uni.createFrom().voidItem();
            }
            KnownEnterprise target = known != null ? known : new KnownEnterprise();
            DemandMapper.apply(snapshot, target);
            return known != null ? Uni.createFrom().voidItem() : target.persist().replaceWithVoid();
        });
    }
}

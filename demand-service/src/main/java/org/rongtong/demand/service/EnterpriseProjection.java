package org.rongtong.demand.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /**
     * A batch of events in one transaction: the known rows read with one query, the newest version of each enterprise
     * applied, new ones inserted together; deactivations then end what they leave open, one after the other.
     */
    @WithTransaction
    public Uni<Void> applyAll(List<EnterpriseSnapshot> snapshots) {
        Map<UUID, EnterpriseSnapshot> latest = new LinkedHashMap<>();
        snapshots.forEach(s -> latest.merge(s.id(), s, (a, b) -> b.version() > a.version() ? b : a));
        return KnownEnterprise.<KnownEnterprise>list("id in ?1", latest.keySet()).chain(found -> {
            Map<UUID, KnownEnterprise> known = new HashMap<>();
            found.forEach(k -> known.put(k.id, k));
            List<KnownEnterprise> fresh = new ArrayList<>();
            List<UUID> deactivated = new ArrayList<>();
            for (EnterpriseSnapshot snapshot : latest.values()) {
                KnownEnterprise k = known.get(snapshot.id());
                if (k != null && k.version >= snapshot.version()) {
                    continue;
                }
                if (k != null && k.active && !snapshot.active()) {
                    deactivated.add(snapshot.id());
                }
                KnownEnterprise target = k != null ? k : new KnownEnterprise();
                DemandMapper.apply(snapshot, target);
                if (k == null) {
                    fresh.add(target);
                }
            }
            Uni<Void> saved = fresh.isEmpty() ? Uni.createFrom().voidItem() : KnownEnterprise.persist(fresh);
            for (UUID id : deactivated) {
                saved = saved.chain(() -> looseEnds.enterpriseDeactivated(id));
            }
            return saved;
        });
    }

    /** One event alone: how a batch that failed is gone through, record by record. */
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

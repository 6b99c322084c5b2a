package org.rongtong.matching.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.events.DemandStatus;
import org.rongtong.matching.model.OpenDemand;

import io.smallrye.mutiny.Uni;

/**
 * The published demands, in memory: what reverse matching scores a batch of enterprises against without a full query
 * (ADR 0022). Any replica may rank a demand (ADR 0023), so each enterprise batch first refreshes the board from the
 * committed rows, under the ranking lock: then it holds every demand ranked before the batch, and a demand ranked after
 * it reads an index that already holds the batch. Only demands new or changed since the last refresh (version, ranked
 * time) are read in full. Detached copies only.
 */
@ApplicationScoped
public class DemandBoard {

    private final Map<UUID, OpenDemand> open = new ConcurrentHashMap<>();

    public void put(OpenDemand demand) {
        open.put(demand.id, MatchMapper.copy(demand));
    }

    public void remove(UUID id) {
        open.remove(id);
    }

    public Collection<OpenDemand> open() {
        return open.values();
    }

    public int size() {
        return open.size();
    }

    /** Makes the board equal to the committed published demands (in the caller's session and transaction). */
    Uni<Void> refresh() {
        return OpenDemand.getSession().chain(session -> session.createSelectionQuery(
                "select d.id, d.version, d.rankedAt from OpenDemand d where d.status = :published", Object[].class)
                .setParameter("published", DemandStatus.PUBLISHED).getResultList())
                .chain(rows -> {
                    Set<UUID> published = new HashSet<>();
                    List<UUID> stale = new ArrayList<>();
                    for (Object[] r : rows) {
                        UUID id = (UUID) r[0];
                        published.add(id);
                        OpenDemand held = open.get(id);
                        if (held == null || held.version != ((Number) r[1]).longValue() || !Objects.equals(held.rankedAt, r[2])) {
                            stale.add(id);
                        }
                    }
                    open.keySet().retainAll(published);
                    if (stale.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return OpenDemand.<OpenDemand>list("id in ?1", stale).invoke(found -> found.forEach(this::put)).replaceWithVoid();
                });
    }
}

package org.rongtong.matching.service;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.matching.model.OpenDemand;

/**
 * The published demands, in memory: what reverse matching scores a batch of enterprises against without a query
 * (ADR 0022). A demand is put here before its ranking reads the enterprise index, and an enterprise is put into the
 * index before reverse matching reads this board, so of a demand and an enterprise that arrive together at least one
 * side sees the other; the per-demand lock then orders the two writes (see ReverseMatching). Detached copies only.
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

    void clear() {
        open.clear();
    }
}

package org.rongtong.matching.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.events.CooperationField;
import org.rongtong.events.MatchStatus;
import org.rongtong.matching.model.Match;
import org.rongtong.matching.model.OpenDemand;
import org.rongtong.matching.rest.OpportunityView;
import org.rongtong.matching.rest.ReservePools;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Reads of matches from one enterprise's point of view. */
@ApplicationScoped
public class EnterpriseMatches {

    static final int MAX_OPPORTUNITIES = 200;

    /** The pools of the design (§2): which fields a shortlisted match lands in. */
    static final List<ReservePools.Pool> POOLS = List.of(
            new ReservePools.Pool("RND_RESERVE", "研发技术储备库", "R&D reserve",
                    List.of(CooperationField.TECH_RND, CooperationField.ACHIEVEMENT_TRANSFER), List.of()),
            new ReservePools.Pool("PROCUREMENT_POOL", "采购广选资源库", "Procurement pool",
                    List.of(CooperationField.PROCUREMENT, CooperationField.PRODUCT_SUPPORTING), List.of()));

    /** Cooperation reached keeps a candidate in the pool it was shortlisted into. */
    private static final Set<MatchStatus> IN_POOL = EnumSet.of(MatchStatus.SHORTLISTED, MatchStatus.COOPERATING);

    @WithSession
    public Uni<List<OpportunityView>> opportunities(UUID enterpriseId, MatchStatus status) {
        String where = status == null ? "enterpriseId = :id" : "enterpriseId = :id and status = :status";
        Parameters params = Parameters.with("id", enterpriseId);
        if (status != null) {
            params.and("status", status);
        }
        return Match.<Match>find(where + " order by createdAt desc, id desc", params).page(0, MAX_OPPORTUNITIES).list()
                .chain(matches -> demandsOf(matches).map(demands -> matches.stream()
                        .map(m -> MatchMapper.toOpportunity(m, demands.get(m.demandId))).toList()));
    }

    @WithSession
    public Uni<ReservePools> reservePools(UUID publisherId) {
        return OpenDemand.<OpenDemand>list("publisherId", publisherId).chain(demands -> {
            Map<UUID, OpenDemand> byId = new HashMap<>();
            demands.forEach(d -> byId.put(d.id, d));
            if (byId.isEmpty()) {
                return Uni.createFrom().item(new ReservePools(publisherId, POOLS));
            }
            // a shortlisted candidate whose demand then ended stays in reserve, marked ENDED (ADR 0015): the pools are the
            // publisher's resource library, not its open business
            return Match.<Match>list("demandId in ?1 and (status in ?2 or status = ?3 and shortlistedAt is not null) order by shortlistedAt, id",
                            byId.keySet(), IN_POOL, MatchStatus.ENDED)
                    .map(matches -> {
                        List<ReservePools.Pool> pools = new ArrayList<>();
                        for (ReservePools.Pool pool : POOLS) {
                            List<ReservePools.Entry> entries = matches.stream()
                                    .filter(m -> pool.fields().contains(byId.get(m.demandId).field))
                                    .map(m -> MatchMapper.toPoolEntry(m, byId.get(m.demandId))).toList();
                            pools.add(new ReservePools.Pool(pool.code(), pool.name(), pool.nameEn(), pool.fields(), entries));
                        }
                        return new ReservePools(publisherId, pools);
                    });
        });
    }

    private static Uni<Map<UUID, OpenDemand>> demandsOf(List<Match> matches) {
        if (matches.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Set<UUID> ids = new java.util.HashSet<>();
        matches.forEach(m -> ids.add(m.demandId));
        return OpenDemand.<OpenDemand>list("id in ?1", ids).map(list -> {
            Map<UUID, OpenDemand> byId = new HashMap<>();
            list.forEach(d -> byId.put(d.id, d));
            return byId;
        });
    }
}

package org.rongtong.matching.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rongtong.events.CooperationField;
import org.rongtong.events.MatchStatus;

/**
 * A publisher's reserve pools: its shortlisted candidates (and those it went on to cooperate with) by field, in the R&D
 * reserve (研发技术储备库: TECH_RND, ACHIEVEMENT_TRANSFER) and the procurement pool (采购广选资源库: PROCUREMENT,
 * PRODUCT_SUPPORTING).
 */
public record ReservePools(UUID publisherId, List<Pool> pools) {

    public record Pool(String code, String name, String nameEn, List<CooperationField> fields, List<Entry> entries) {
    }

    public record Entry(UUID matchId, UUID demandId, String demandTitle, CooperationField field, String chain, UUID enterpriseId,
            String enterpriseName, double score, MatchStatus status, Instant shortlistedAt) {
    }
}

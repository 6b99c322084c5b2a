package org.rongtong.matching.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandMatched;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.MatchStatus;

/** A demand an enterprise was matched to, with the match it can answer ({@code POST /matches/{matchId}/interest|decline}). */
public record OpportunityView(
        UUID matchId,
        UUID demandId,
        UUID publisherId,
        String title,
        CooperationField field,
        String chain,
        DemandStatus demandStatus,
        Instant deadline,
        int rank,
        double score,
        MatchStatus status,
        long version,
        List<DemandMatched.Reason> reasons,
        Instant createdAt,
        Instant updatedAt) {
}

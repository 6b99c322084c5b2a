package org.rongtong.matching.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rongtong.events.DemandMatched;
import org.rongtong.events.MatchStatus;
import org.rongtong.matching.model.Match;

/** A demand × candidate pair with its score, the reasons for it and where its lifecycle stands; {@code version} is the ETag. */
public record MatchView(
        UUID id,
        UUID demandId,
        UUID enterpriseId,
        String enterpriseName,
        int rank,
        double score,
        MatchStatus status,
        Match.Origin origin,
        long version,
        String note,
        List<DemandMatched.Reason> reasons,
        Instant createdAt,
        Instant updatedAt) {
}

package org.rongtong.matching.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rongtong.events.DemandMatched;

public record MatchView(
        UUID id,
        UUID demandId,
        UUID enterpriseId,
        String enterpriseName,
        int rank,
        double score,
        String status,
        List<DemandMatched.Reason> reasons,
        Instant createdAt) {
}

package org.rongtong.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ranked candidates matching-service found for a published demand. Keyed by the demand id.
 * {@code regionCode} is where the demand lands for bureaus, as a division-code prefix: its first region constraint,
 * else the publisher's region; null when neither is known.
 */
public record DemandMatched(
        UUID demandId,
        long demandVersion,
        UUID publisherId,
        CooperationField field,
        String chain,
        String title,
        String regionCode,
        List<Candidate> candidates,
        Instant matchedAt) {

    public record Candidate(
            UUID matchId,
            UUID enterpriseId,
            String enterpriseName,
            int rank,
            double score,
            List<Reason> reasons) {
    }

    /** One component of the score: what it is, how much it contributed, and the evidence. */
    public record Reason(String component, double contribution, String detail) {
    }
}

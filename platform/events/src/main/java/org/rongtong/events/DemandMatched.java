package org.rongtong.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ranked candidates matching-service found for a published demand. Keyed by the demand id.
 * {@code regionCode} is where the demand lands for bureaus, as a division-code prefix: its first region constraint,
 * else the publisher's region; null when neither is known. {@code publisherRegionCode} and each candidate's
 * {@code regionCode} are where those enterprises are registered, so that consumers can show each bureau what concerns
 * its region (org.rongtong.web.security.Viewer); null in events written before they were added, or when unknown.
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
        Instant matchedAt,
        String publisherRegionCode) {

    /** Without the registration regions (events written before they were added). */
    public DemandMatched(UUID demandId, long demandVersion, UUID publisherId, CooperationField field, String chain, String title,
            String regionCode, List<Candidate> candidates, Instant matchedAt) {
        this(demandId, demandVersion, publisherId, field, chain, title, regionCode, candidates, matchedAt, null);
    }

    public record Candidate(
            UUID matchId,
            UUID enterpriseId,
            String enterpriseName,
            int rank,
            double score,
            List<Reason> reasons,
            String regionCode) {

        public Candidate(UUID matchId, UUID enterpriseId, String enterpriseName, int rank, double score, List<Reason> reasons) {
            this(matchId, enterpriseId, enterpriseName, rank, score, reasons, null);
        }
    }

    /** One component of the score: what it is, how much it contributed, and the evidence. */
    public record Reason(String component, double contribution, String detail) {
    }
}

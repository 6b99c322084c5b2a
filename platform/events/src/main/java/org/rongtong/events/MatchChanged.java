package org.rongtong.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One move in a match's lifecycle (对接进展): who answered what, and the match after it. Published on
 * {@code matching.matches.v1} keyed by the demand id, so a demand's candidate list and the moves on it stay in order.
 * {@code via} says how the move came: {@code API} (an answer through matching-service) or {@code PROPOSAL} (a proposal
 * submitted in demand-service, which counts as interest; {@code proposalId} names it) or {@code END} (the platform ended
 * a live match, {@link MatchStatus#ENDED}, for the {@code endReason} given; null for every other move).
 * {@code publisherRegionCode} and {@code enterpriseRegionCode} are where the two parties are registered (null in older
 * events, or when unknown).
 */
public record MatchChanged(
        UUID matchId,
        long version,
        UUID demandId,
        UUID publisherId,
        UUID enterpriseId,
        String enterpriseName,
        CooperationField field,
        String chain,
        String title,
        String regionCode,
        MatchStatus previousStatus,
        MatchStatus status,
        String via,
        UUID proposalId,
        String note,
        Instant changedAt,
        CloseReason endReason,
        String publisherRegionCode,
        String enterpriseRegionCode) {

    public static final String VIA_API = "API";
    public static final String VIA_PROPOSAL = "PROPOSAL";
    /** Nobody answered: the platform ended a live match because its demand ended or its candidate was deactivated. */
    public static final String VIA_END = "END";

    /** A move someone made (no end reason), without the parties' regions: the event as it was before those existed. */
    public MatchChanged(UUID matchId, long version, UUID demandId, UUID publisherId, UUID enterpriseId, String enterpriseName,
            CooperationField field, String chain, String title, String regionCode, MatchStatus previousStatus, MatchStatus status,
            String via, UUID proposalId, String note, Instant changedAt) {
        this(matchId, version, demandId, publisherId, enterpriseId, enterpriseName, field, chain, title, regionCode,
                previousStatus, status, via, proposalId, note, changedAt, null, null, null);
    }
}

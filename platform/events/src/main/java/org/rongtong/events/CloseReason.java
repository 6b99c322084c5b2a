package org.rongtong.events;

/**
 * Why the platform, not a party, ended something still open: a proposal ({@link ProposalStatus#CLOSED}) or a live match
 * ({@link MatchStatus#ENDED}). The demand's three ends, or the enterprise concerned leaving the programme.
 */
public enum CloseReason {
    DEMAND_CLOSED,
    DEMAND_WITHDRAWN,
    DEMAND_EXPIRED,
    /** the proposer (for a proposal) or the candidate (for a match) was deactivated in the registry */
    ENTERPRISE_DEACTIVATED;

    /** The reason a demand's end gives what was open on it; null for a status that is no end. */
    public static CloseReason ofDemand(DemandStatus status) {
        return switch (status) {
            case CLOSED -> DEMAND_CLOSED;
            case WITHDRAWN -> DEMAND_WITHDRAWN;
            case EXPIRED -> DEMAND_EXPIRED;
            default -> null;
        };
    }
}

package org.rongtong.matching.service;

import static org.rongtong.events.MatchStatus.COOPERATING;
import static org.rongtong.events.MatchStatus.DECLINED;
import static org.rongtong.events.MatchStatus.INTERESTED;
import static org.rongtong.events.MatchStatus.PROPOSED;
import static org.rongtong.events.MatchStatus.REJECTED;
import static org.rongtong.events.MatchStatus.SHORTLISTED;

import java.util.EnumSet;
import java.util.Set;

import org.rongtong.events.DemandStatus;
import org.rongtong.events.EventTypes;
import org.rongtong.events.MatchStatus;

/**
 * The moves of a match's lifecycle and who may make them from where (ADR 0008). The candidate answers first; the
 * publisher shortlists or rejects only a candidate that showed interest, and confirms only a shortlisted one. A
 * candidate may change its mind (interest after a decline, a decline while still being considered) until the publisher
 * has decided. Candidates answer only while the demand is published; the publisher may still decide after closing it.
 */
public enum MatchMove {
    INTEREST(Side.CANDIDATE, INTERESTED, EnumSet.of(PROPOSED, DECLINED), EventTypes.MATCH_INTERESTED),
    DECLINE(Side.CANDIDATE, DECLINED, EnumSet.of(PROPOSED, INTERESTED, SHORTLISTED), EventTypes.MATCH_DECLINED),
    SHORTLIST(Side.PUBLISHER, SHORTLISTED, EnumSet.of(INTERESTED), EventTypes.MATCH_SHORTLISTED),
    REJECT(Side.PUBLISHER, REJECTED, EnumSet.of(INTERESTED, SHORTLISTED), EventTypes.MATCH_REJECTED),
    CONFIRM(Side.PUBLISHER, COOPERATING, EnumSet.of(SHORTLISTED), EventTypes.MATCH_CONFIRMED);

    public enum Side {
        CANDIDATE, PUBLISHER
    }

    public final Side side;
    public final MatchStatus to;
    public final Set<MatchStatus> from;
    public final String eventType;

    MatchMove(Side side, MatchStatus to, Set<MatchStatus> from, String eventType) {
        this.side = side;
        this.to = to;
        this.from = from;
        this.eventType = eventType;
    }

    public boolean allowedFrom(MatchStatus status) {
        return from.contains(status);
    }

    public boolean allowedWhile(DemandStatus demand) {
        return side == Side.CANDIDATE ? demand == DemandStatus.PUBLISHED
                : demand == DemandStatus.PUBLISHED || demand == DemandStatus.CLOSED || demand == DemandStatus.EXPIRED;
    }

    /** The path segment of the move, {@code /matches/{id}/interest}. */
    public String path() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

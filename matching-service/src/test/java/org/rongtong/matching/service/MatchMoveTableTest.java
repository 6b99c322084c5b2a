package org.rongtong.matching.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EventTypes;
import org.rongtong.events.MatchStatus;

/** The whole move table of a match (ADR 0008), cell by cell: a change to one rule fails here before any service starts. */
@Tag("unit")
class MatchMoveTableTest {

    /** From which statuses each move may be made; every other status refuses it. */
    private static final Map<MatchMove, Set<MatchStatus>> FROM = Map.of(
            MatchMove.INTEREST, EnumSet.of(MatchStatus.PROPOSED, MatchStatus.DECLINED),
            MatchMove.DECLINE, EnumSet.of(MatchStatus.PROPOSED, MatchStatus.INTERESTED, MatchStatus.SHORTLISTED),
            MatchMove.SHORTLIST, EnumSet.of(MatchStatus.INTERESTED),
            MatchMove.REJECT, EnumSet.of(MatchStatus.INTERESTED, MatchStatus.SHORTLISTED),
            MatchMove.CONFIRM, EnumSet.of(MatchStatus.SHORTLISTED));

    @ParameterizedTest
    @EnumSource(MatchMove.class)
    void eachMoveIsAllowedFromExactlyItsStatuses(MatchMove move) {
        for (MatchStatus status : MatchStatus.values()) {
            assertEquals(FROM.get(move).contains(status), move.allowedFrom(status), move + " from " + status);
        }
    }

    @ParameterizedTest
    @EnumSource(MatchMove.class)
    void noMoveLeadsToTheStatusItStartsFrom(MatchMove move) {
        assertEquals(false, move.allowedFrom(move.to), move.name());
    }

    @ParameterizedTest
    @EnumSource(MatchMove.class)
    void candidatesAnswerOnlyWhileTheDemandIsPublishedAndPublishersDecideAfterClosingToo(MatchMove move) {
        Set<DemandStatus> open = move.side == MatchMove.Side.CANDIDATE ? EnumSet.of(DemandStatus.PUBLISHED)
                : EnumSet.of(DemandStatus.PUBLISHED, DemandStatus.CLOSED, DemandStatus.EXPIRED);
        for (DemandStatus demand : DemandStatus.values()) {
            assertEquals(open.contains(demand), move.allowedWhile(demand), move + " while " + demand);
        }
    }

    @Test
    void theCandidateAnswersAndThePublisherDecides() {
        assertEquals(EnumSet.of(MatchMove.INTEREST, MatchMove.DECLINE), movesOf(MatchMove.Side.CANDIDATE));
        assertEquals(EnumSet.of(MatchMove.SHORTLIST, MatchMove.REJECT, MatchMove.CONFIRM), movesOf(MatchMove.Side.PUBLISHER));
    }

    @Test
    void eachMoveIsAnnouncedByItsOwnEventAndPath() {
        assertEquals(EventTypes.MATCH_CONFIRMED, MatchMove.CONFIRM.eventType);
        assertEquals(MatchStatus.COOPERATING, MatchMove.CONFIRM.to);
        assertEquals("shortlist", MatchMove.SHORTLIST.path());
        assertEquals(MatchMove.values().length,
                java.util.Arrays.stream(MatchMove.values()).map(m -> m.eventType).distinct().count());
    }

    private static Set<MatchMove> movesOf(MatchMove.Side side) {
        Set<MatchMove> moves = EnumSet.noneOf(MatchMove.class);
        for (MatchMove move : MatchMove.values()) {
            if (move.side == side) {
                moves.add(move);
            }
        }
        return moves;
    }
}

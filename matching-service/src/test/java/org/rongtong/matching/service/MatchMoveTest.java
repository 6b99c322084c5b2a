package org.rongtong.matching.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.MatchStatus;

@Tag("unit")
class MatchMoveTest {

    @Test
    void theLifecycleLetsEachSideMakeOnlyItsMovesInOrder() {
        assertTrue(MatchMove.INTEREST.allowedFrom(MatchStatus.PROPOSED));
        assertTrue(MatchMove.INTEREST.allowedFrom(MatchStatus.DECLINED));
        assertFalse(MatchMove.SHORTLIST.allowedFrom(MatchStatus.PROPOSED));
        assertFalse(MatchMove.CONFIRM.allowedFrom(MatchStatus.INTERESTED));
        assertTrue(MatchMove.CONFIRM.allowedFrom(MatchStatus.SHORTLISTED));
        assertFalse(MatchMove.DECLINE.allowedFrom(MatchStatus.COOPERATING));
        assertFalse(MatchMove.INTEREST.allowedWhile(DemandStatus.CLOSED));
        assertTrue(MatchMove.CONFIRM.allowedWhile(DemandStatus.CLOSED));
        assertFalse(MatchMove.CONFIRM.allowedWhile(DemandStatus.WITHDRAWN));
    }
}

package org.rongtong.events;

/**
 * A match's lifecycle: the candidate answers ({@code INTERESTED | DECLINED}), then the publisher
 * ({@code SHORTLISTED | REJECTED}), then {@code COOPERATING} once agreement is reached.
 */
public enum MatchStatus {
    PROPOSED, INTERESTED, DECLINED, SHORTLISTED, REJECTED, COOPERATING
}

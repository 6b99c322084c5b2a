package org.rongtong.events;

/**
 * A match's lifecycle: the candidate answers ({@code INTERESTED | DECLINED}), then the publisher
 * ({@code SHORTLISTED | REJECTED}), then {@code COOPERATING} once agreement is reached. A match still live
 * ({@code PROPOSED | INTERESTED | SHORTLISTED}) is {@code ENDED} when its demand ends or its candidate is deactivated;
 * the others keep their status.
 */
public enum MatchStatus {
    PROPOSED, INTERESTED, DECLINED, SHORTLISTED, REJECTED, COOPERATING, ENDED
}

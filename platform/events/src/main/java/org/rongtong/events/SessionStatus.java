package org.rongtong.events;

/** Matchmaking session lifecycle: SCHEDULED -> HELD | CANCELLED. */
public enum SessionStatus {
    SCHEDULED,
    HELD,
    CANCELLED
}

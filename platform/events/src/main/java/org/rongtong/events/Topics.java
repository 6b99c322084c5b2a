package org.rongtong.events;

/** Kafka topics, one per owning service, versioned. Record key = aggregate id. */
public final class Topics {
    public static final String ENTERPRISES = "registry.enterprises.v1";
    public static final String DEMANDS = "demand.demands.v1";
    /** demand-service's proposals, keyed by proposal id (not the demand id: a compacted demand key must only carry demand snapshots). */
    public static final String PROPOSALS = "demand.proposals.v1";
    /** demand-service's matchmaking sessions, keyed by session id. */
    public static final String SESSIONS = "demand.sessions.v1";
    public static final String MATCHES = "matching.matches.v1";

    private Topics() {
    }
}

package org.rongtong.events;

/** Kafka topics, one per owning service, versioned. Record key = aggregate id. */
public final class Topics {
    public static final String ENTERPRISES = "registry.enterprises.v1";
    public static final String DEMANDS = "demand.demands.v1";
    public static final String MATCHES = "matching.matches.v1";

    private Topics() {
    }
}

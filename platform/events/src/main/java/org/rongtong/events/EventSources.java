package org.rongtong.events;

/** CloudEvents {@code source} of each service. */
public final class EventSources {
    public static final String REGISTRY = "/rongtong/registry-service";
    public static final String DEMAND = "/rongtong/demand-service";
    public static final String MATCHING = "/rongtong/matching-service";

    private EventSources() {
    }
}

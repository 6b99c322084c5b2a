package org.rongtong.events;

public enum DemandStatus {
    DRAFT,
    PUBLISHED,
    CLOSED,
    WITHDRAWN,
    EXPIRED
}

package org.rongtong.demand.service;

import java.time.Instant;
import java.util.UUID;

import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandStatus;

/**
 * Filters of the demand list; null means "any". {@code region} is a division-code prefix: a demand matches when one of
 * its region constraints overlaps it (either is a prefix of the other) or its publisher is located within it.
 */
public record DemandFilter(UUID publisher, CooperationField field, String chain, DemandStatus status, String region,
        Instant deadlineFrom, Instant deadlineTo) {
}

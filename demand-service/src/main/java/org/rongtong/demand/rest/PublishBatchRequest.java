package org.rongtong.demand.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Many demands of one publisher in one request (a chain leader's 63 demands in 9 fields), all or nothing.
 * The items are validated by the use case, so that every error names its item ({@code demands[3].deadline}).
 * An item's own {@code publisherId}, if given, must be the batch's publisher.
 */
public record PublishBatchRequest(
        UUID publisherId,
        @NotNull @Size(min = 1, max = 100) List<@NotNull PublishDemandRequest> demands) {
}

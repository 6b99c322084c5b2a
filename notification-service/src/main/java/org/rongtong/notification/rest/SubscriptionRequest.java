package org.rongtong.notification.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SubscriptionRequest(
        @NotBlank @Size(max = 2000) String url,
        @Size(max = 500) String description,
        @Valid SubscriptionFilter filter) {
}

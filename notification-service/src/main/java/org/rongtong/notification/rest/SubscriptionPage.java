package org.rongtong.notification.rest;

import java.util.List;

public record SubscriptionPage(List<SubscriptionView> items, int page, int size, long total) {
}

package org.rongtong.notification.rest;

import java.util.List;

public record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
}

package org.rongtong.notification.rest;

import java.util.List;

public record InboxPage(List<NotificationView> items, int page, int size, long total) {
}

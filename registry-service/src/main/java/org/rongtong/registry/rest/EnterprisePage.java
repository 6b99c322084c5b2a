package org.rongtong.registry.rest;

import java.util.List;

/** One page of the directory; pass {@code nextPageToken} as {@code pageToken} for the next, until it is null. */
public record EnterprisePage(List<EnterpriseView> items, String nextPageToken) {
}

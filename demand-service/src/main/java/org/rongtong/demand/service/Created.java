package org.rongtong.demand.service;

/** What a creating use case answers: the resource, and whether it is the first result replayed for a repeated Idempotency-Key. */
public record Created<T>(T value, boolean replayed) {
}

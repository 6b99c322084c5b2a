package org.rongtong.messaging;

import java.util.concurrent.CompletableFuture;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Holds a service's consumers until something they depend on is ready (matching-service: its in-memory index). The
 * Kafka connector starts the channels before the application's startup observers run; a record that arrives meanwhile
 * waits here, unacknowledged, and its partition with it, instead of being handled against a state not yet built.
 */
public final class StartGate {

    private final CompletableFuture<Void> opened = new CompletableFuture<>();

    public void open() {
        opened.complete(null);
    }

    public boolean isOpen() {
        return opened.isDone();
    }

    /** Completes once the gate is open, on the caller's Vert.x context (Hibernate Reactive requires it). */
    public Uni<Void> passed() {
        if (opened.isDone()) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> opened.whenComplete((ignored, failure) -> {
            if (context == null) {
                emitter.complete(null);
            } else {
                context.runOnContext(x -> emitter.complete(null));
            }
        }));
    }
}

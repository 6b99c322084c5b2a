package org.rongtong.demand.service;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.rongtong.demand.config.ExpiryConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs {@link DemandExpiry} periodically on every replica; the row locks, not this timer, make each expiry happen once.
 * A Vert.x timer rather than a scheduler extension: it is all the job needs, and it adds no dependency. A round still
 * running when the next tick comes is not overlapped by a second one.
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    private final DemandExpiry expiry;
    private final ExpiryConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public ExpiryJob(DemandExpiry expiry, ExpiryConfig config, Vertx vertx) {
        this.expiry = expiry;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent ignored) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.delay().toMillis(), config.every().toMillis(), id -> runOnce());
        }
    }

    void onStop(@Observes ShutdownEvent ignored) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void runOnce() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        // Hibernate Reactive needs a duplicated context of its own, flagged safe (as Quarkus does for a request): one
        // session per round
        Context round = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(round, true);
        round.runOnContext(ignored -> expiry.expireDue(Instant.now())
                .eventually(() -> running.set(false))
                .subscribe().with(
                        expired -> {
                            if (!expired.isEmpty()) {
                                LOG.infof("Expired %d demand(s) past their deadline", expired.size());
                            }
                        },
                        failure -> LOG.warn("Expiry round failed; the next round retries", failure)));
    }
}

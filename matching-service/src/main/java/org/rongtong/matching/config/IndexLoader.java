package org.rongtong.matching.config;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.rongtong.matching.metrics.MatchingMetrics;
import org.rongtong.matching.service.ReplicaIndex;
import org.rongtong.messaging.StartGate;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Rebuilds the in-memory index from the projection before the service takes traffic or events. The Kafka connector
 * starts the channels before this observer runs, so the consumers wait at {@link #indexed()}: a demand consumed earlier
 * would be ranked against an empty index, marked ranked, and never ranked again; an enterprise event applied during the
 * rebuild could be overwritten by the rebuild's older copy. The replica's own index consumer (IndexStart) then continues
 * after the projection's watermark read with it; the replica is ready once that consumer caught up (IndexReadiness).
 */
@ApplicationScoped
public class IndexLoader {

    private static final Logger LOG = Logger.getLogger(IndexLoader.class);

    private final StartGate gate = new StartGate();

    void onStart(@Observes StartupEvent start, ReplicaIndex replica, MatchingMetrics metrics) throws Throwable {
        long t0 = System.nanoTime();
        int n = VertxContextSupport.subscribeAndAwait(replica::rebuild);
        metrics.indexRebuilt(Duration.ofNanos(System.nanoTime() - t0));
        gate.open();
        LOG.infof("Enterprise index rebuilt: %d active enterprise(s) in %d ms; consumers released", n, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Completes once the index is built (at once after startup), on the caller's Vert.x context. */
    public Uni<Void> indexed() {
        return gate.passed();
    }

    public boolean isIndexed() {
        return gate.isOpen();
    }
}

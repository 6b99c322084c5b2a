package org.rongtong.matching.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.rongtong.matching.service.MatchingService;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/** Rebuilds the in-memory index from the projection before the service takes traffic. */
@ApplicationScoped
public class IndexLoader {

    private static final Logger LOG = Logger.getLogger(IndexLoader.class);

    void onStart(@Observes StartupEvent start, MatchingService matching) throws Throwable {
        long t0 = System.nanoTime();
        int n = VertxContextSupport.subscribeAndAwait(matching::rebuildIndex);
        LOG.infof("Enterprise index rebuilt: %d active enterprise(s) in %d ms", n, (System.nanoTime() - t0) / 1_000_000);
    }
}

package org.rongtong.matching.config;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.rongtong.matching.service.IndexProgress;

/**
 * Not ready until the enterprise index is rebuilt and this replica's own consumer has read registry.enterprises.v1 up
 * to the end offsets seen at its start (docs/adr/0023-replicas-that-agree.md): until then the index is incomplete and
 * rankings would miss enterprises. The detail says how far each partition is.
 */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final IndexLoader loader;
    private final IndexProgress progress;

    public IndexReadiness(IndexLoader loader, IndexProgress progress) {
        this.loader = loader;
        this.progress = progress;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("enterprise-index").status(loader.isIndexed() && progress.caughtUp())
                .withData("rebuilt", loader.isIndexed()).withData("caughtUp", progress.caughtUp());
        progress.partitions().forEach((p, read) -> response.withData("partition-" + p,
                "read " + read.lastOffset() + ", end at start " + read.endAtStart()));
        return response.build();
    }
}

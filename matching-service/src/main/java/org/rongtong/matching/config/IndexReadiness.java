package org.rongtong.matching.config;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the enterprise index is rebuilt: until then the consumers wait and rankings would be empty. */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final IndexLoader loader;

    public IndexReadiness(IndexLoader loader) {
        this.loader = loader;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("enterprise-index").status(loader.isIndexed()).build();
    }
}

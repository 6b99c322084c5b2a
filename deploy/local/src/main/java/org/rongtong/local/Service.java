package org.rongtong.local;

/**
 * The four services, their default local ports (the public API, and the management interface with /q/health and
 * /q/metrics, which a deployment puts on 9000) and databases.
 */
public enum Service {
    REGISTRY("registry-service", 8081, 9081),
    DEMAND("demand-service", 8082, 9082),
    MATCHING("matching-service", 8083, 9083),
    NOTIFICATION("notification-service", 8084, 9084);

    public final String directory;
    public final int defaultPort;
    public final int defaultManagementPort;

    Service(String directory, int defaultPort, int defaultManagementPort) {
        this.directory = directory;
        this.defaultPort = defaultPort;
        this.defaultManagementPort = defaultManagementPort;
    }

    public String databaseSuffix() {
        return directory.replace("-service", "");
    }
}

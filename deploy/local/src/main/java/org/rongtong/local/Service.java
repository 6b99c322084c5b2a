package org.rongtong.local;

/** The four services, their default local ports and databases. */
public enum Service {
    REGISTRY("registry-service", 8081),
    DEMAND("demand-service", 8082),
    MATCHING("matching-service", 8083),
    NOTIFICATION("notification-service", 8084);

    public final String directory;
    public final int defaultPort;

    Service(String directory, int defaultPort) {
        this.directory = directory;
        this.defaultPort = defaultPort;
    }

    public String databaseSuffix() {
        return directory.replace("-service", "");
    }
}

package org.rongtong.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a Quarkus test run its own fresh database on the local PostgreSQL server and drops it afterwards.
 * With no server but a Docker engine, it configures nothing, so that Dev Services starts a container.
 * With neither, it fails at once and says how to get PostgreSQL.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private final PostgresServer server = new PostgresServer();
    private String database;

    @Override
    public Map<String, String> start() {
        if (!server.isReachable()) {
            if (PostgresServer.dockerAvailable()) {
                return Map.of();
            }
            throw new IllegalStateException(PostgresServer.HOW_TO_GET_ONE.formatted(server.host(), server.port(), server.user()));
        }
        database = server.createUniqueDatabase("rt_test");
        return Map.of(
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password(),
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.reactive.url", server.reactiveUrl(database),
                "quarkus.datasource.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        if (database != null) {
            server.dropDatabase(database);
        }
    }
}

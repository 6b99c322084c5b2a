package org.rongtong.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a Quarkus test run its own fresh database on the local PostgreSQL server and drops it afterwards.
 * With no server but a Docker engine, it starts a PostgreSQL container (Testcontainers, as Dev Services would).
 * With neither, it fails at once and says how to get PostgreSQL.
 *
 * <p>Services keep Dev Services off in {@code %test}: they start at build time, before this resource could answer.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server = new PostgresServer();
    private String database;
    private AutoCloseable container;

    @Override
    public Map<String, String> start() {
        if (!server.isReachable()) {
            if (!PostgresServer.dockerAvailable()) {
                throw new IllegalStateException(PostgresServer.HOW_TO_GET_ONE.formatted(server.host(), server.port(), server.user()));
            }
            var postgres = new org.testcontainers.containers.GenericContainer<>("postgres:17-alpine")
                    .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust").withExposedPorts(5432)
                    .waitingFor(org.testcontainers.containers.wait.strategy.Wait.forListeningPort());
            postgres.start();
            container = postgres;
            server = new PostgresServer(postgres.getHost(), String.valueOf(postgres.getMappedPort(5432)), "postgres", "");
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
        if (container != null) {
            try {
                container.close();
            } catch (Exception ignored) {
                // the container is gone with the Docker engine's cleanup anyway
            }
        } else if (database != null) {
            server.dropDatabase(database);
        }
    }
}

package org.rongtong.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a Quarkus test run its own fresh database on the local PostgreSQL server and drops it afterwards. When no
 * server answers and none is configured (PGHOST/PGPORT), it starts the bundled PostgreSQL from Maven Central once per
 * JVM, over a throw-away cluster (ADR 0025); a configured server that does not answer stops the run and says so.
 *
 * <p>Services keep Dev Services off in {@code %test}: they start at build time, before this resource could answer.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer shared;

    private PostgresServer server;
    private String database;

    /** The server this JVM's tests use: the configured or default one, or the bundled one started in its place. */
    public static synchronized PostgresServer server() {
        if (shared == null) {
            try {
                // a directory the unprivileged user a root caller hands the server to can pass through
                Path dir = Files.createTempDirectory("rongtong-test-pg-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
                PostgresServer.Chosen chosen = PostgresServer.choose(new PostgresServer(), PostgresServer.configured(), dir.resolve("data"),
                        EmbeddedKafkaBroker.freePort());
                if (chosen.bundled() != null) {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        chosen.bundled().close();
                        try {
                            BundledPostgres.deleteRecursively(dir);
                        } catch (IOException ignored) {
                            // a temporary directory left behind is harmless
                        }
                    }, "bundled-postgres-shutdown"));
                }
                shared = chosen.server();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    @Override
    public Map<String, String> start() {
        server = server();
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

package org.rongtong.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;

import org.rongtong.testing.BundledPostgres;
import org.rongtong.testing.EmbeddedKafkaBroker;
import org.rongtong.testing.PostgresServer;

/** The PostgreSQL server the stack uses and its one database per service ({@code <prefix>_registry}, ...). */
final class StackDatabases {

    private final String prefix;
    private PostgresServer server = new PostgresServer();
    private boolean chosen;
    private BundledPostgres bundled;

    StackDatabases(String prefix) {
        this.prefix = prefix;
    }

    /** This server instead of the one PGHOST/PGPORT name (the fault-injection suite's private cluster). */
    void use(PostgresServer server) {
        this.server = server;
        this.chosen = true;
    }

    /**
     * The configured server (PGHOST/PGPORT), else the one on 127.0.0.1:5432 when it answers, else a bundled PostgreSQL
     * over the cluster in {@code keptData} (kept between runs like the databases on a real server, ADR 0025) or, when that
     * is null, over a throw-away one.
     */
    void choose(Path keptData) throws IOException {
        if (chosen) {
            if (!server.isReachable()) {
                throw new IllegalStateException("No PostgreSQL server answers at " + server.host() + ":" + server.port());
            }
            return;
        }
        Path dataDir = keptData != null ? keptData
                : Files.createTempDirectory("rongtong-stack-pg-", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwxr-xr-x"))).resolve("data");
        PostgresServer.Chosen choice = PostgresServer.choose(server, PostgresServer.configured(), dataDir,
                keptData != null && StackPorts.isFree(15432) ? 15432 : EmbeddedKafkaBroker.freePort());
        server = choice.server();
        bundled = choice.bundled();
        chosen = true;
    }

    PostgresServer server() {
        return server;
    }

    String name(Service s) {
        return prefix + "_" + s.databaseSuffix();
    }

    void createAll() {
        for (Service s : Service.values()) {
            server.createDatabaseIfMissing(name(s));
        }
    }

    void dropAll() {
        for (Service s : Service.values()) {
            server.dropDatabase(name(s));
        }
    }

    Connection connect(Service s) throws SQLException {
        return server.connect(name(s));
    }

    boolean bundled() {
        return bundled != null;
    }

    String description() {
        return (bundled != null ? "bundled PostgreSQL (data in " + bundled.dataDirectory() + ") at " : "PostgreSQL at ")
                + server.host() + ":" + server.port();
    }

    /** Drops the databases when asked to, and stops a bundled server, deleting its cluster unless it is to be kept. */
    void close(boolean dropDatabases, boolean keepCluster) {
        if (dropDatabases && chosen) {
            dropAll();
        }
        if (bundled != null) {
            bundled.close();
            if (!keepCluster) {
                try {
                    StackDirectories.deleteRecursively(bundled.dataDirectory().getParent());
                } catch (IOException ignored) {
                    // a temporary directory left behind is harmless
                }
            }
            bundled = null;
        }
    }
}

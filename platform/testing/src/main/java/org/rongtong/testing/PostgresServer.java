package org.rongtong.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * The PostgreSQL server tests and the local stack use: {@code 127.0.0.1:5432} as user {@code postgres},
 * or what the standard {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD} variables say.
 */
public final class PostgresServer {

    public static final String HOW_TO_GET_ONE = """
            No PostgreSQL server answers at %s:%s, which PGHOST/PGPORT name explicitly.
            Start that server (with trust or password auth for user '%s' on that address), or unset PGHOST and PGPORT:
            with no server configured and none on 127.0.0.1:5432, Rongtong starts a bundled PostgreSQL (ADR 0025).""";

    /** The default port, 5432; a test may point the default elsewhere with this property (a port where nothing listens). */
    public static final String DEFAULT_PORT_PROPERTY = "rongtong.postgres.default-port";

    private final String host;
    private final String port;
    private final String user;
    private final String password;

    public PostgresServer() {
        this(env("PGHOST", "127.0.0.1"), env("PGPORT", System.getProperty(DEFAULT_PORT_PROPERTY, "5432")), env("PGUSER", "postgres"),
                env("PGPASSWORD", ""));
    }

    /** Whether PGHOST or PGPORT names a server explicitly: then it is that server or none, never a bundled one. */
    public static boolean configured() {
        return !env("PGHOST", "").isEmpty() || !env("PGPORT", "").isEmpty();
    }

    /** The server to use and, when it had to be started, the bundled server behind it (to close). */
    public record Chosen(PostgresServer server, BundledPostgres bundled) {
    }

    /**
     * {@code candidate} when it answers; otherwise, unless it was configured explicitly (then: an error saying so), a
     * bundled PostgreSQL over the cluster in {@code dataDir} on {@code port} (ADR 0025).
     */
    public static Chosen choose(PostgresServer candidate, boolean configured, java.nio.file.Path dataDir, int port) throws java.io.IOException {
        if (candidate.isReachable()) {
            return new Chosen(candidate, null);
        }
        if (configured) {
            throw new IllegalStateException(HOW_TO_GET_ONE.formatted(candidate.host(), candidate.port(), candidate.user()));
        }
        BundledPostgres bundled = BundledPostgres.start(dataDir, port);
        return new Chosen(bundled.server(), bundled);
    }

    public PostgresServer(String host, String port, String user, String password) {
        this.host = host.startsWith("/") ? "127.0.0.1" : host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public String host() {
        return host;
    }

    public String port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public boolean isReachable() {
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** A new, empty database with a unique name that starts with {@code prefix}. */
    public String createUniqueDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        createDatabaseIfMissing(name);
        return name;
    }

    public void createDatabaseIfMissing(String name) {
        requireSafeName(name);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    public void dropDatabase(String name) {
        requireSafeName(name);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + name + ": " + e.getMessage(), e);
        }
    }

    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    private static void requireSafeName(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

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
            No PostgreSQL server answers at %s:%s and no Docker engine is available for Dev Services.
            Rongtong's tests need one of them:
              - install and start PostgreSQL (Debian/Ubuntu: apt-get install -y postgresql && pg_ctlcluster 15 main start),
                with trust or password auth for user '%s' on 127.0.0.1 (set PGHOST/PGPORT/PGUSER/PGPASSWORD to point elsewhere), or
              - start a Docker engine: the tests then start a PostgreSQL container themselves (Testcontainers).""";

    private final String host;
    private final String port;
    private final String user;
    private final String password;

    public PostgresServer() {
        this(env("PGHOST", "127.0.0.1"), env("PGPORT", "5432"), env("PGUSER", "postgres"), env("PGPASSWORD", ""));
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

    public static boolean dockerAvailable() {
        try {
            Process p = new ProcessBuilder("docker", "info").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
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

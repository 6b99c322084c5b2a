package org.rongtong.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import org.eclipse.microprofile.config.Config;
import org.postgresql.PGConnection;

/**
 * The relay's own JDBC connection (outside the pools, so it can hold a {@code LISTEN}): it hears the {@code NOTIFY} an
 * outbox insert sends at commit. Used by the relay's thread only; reopened after a failure.
 */
final class RelayConnection {

    private static final String CHANNEL = "rongtong_outbox";

    private final Config mpConfig;
    private Connection connection;

    RelayConnection(Config mpConfig) {
        this.mpConfig = mpConfig;
    }

    /** The open connection, listening; opened again if it was closed or never opened. */
    Connection get() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = open();
        }
        return connection;
    }

    /** Drains the notifications, waiting for the next commit at most {@code timeout}. */
    void awaitNotification(Duration timeout) throws SQLException {
        get().unwrap(PGConnection.class).getNotifications((int) timeout.toMillis());
    }

    void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    private Connection open() throws SQLException {
        String url = mpConfig.getValue("quarkus.datasource.jdbc.url", String.class);
        Properties props = new Properties();
        mpConfig.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> props.setProperty("user", u));
        mpConfig.getOptionalValue("quarkus.datasource.password", String.class)
                .filter(p -> !p.isEmpty()).ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "outbox-relay");
        Connection opened = DriverManager.getConnection(url, props);
        try (Statement s = opened.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
        }
        return opened;
    }
}

package org.rongtong.persistence.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Deletes the rows of a service's bookkeeping tables (processed-event ids, stream events, deliveries, notifications,
 * idempotency records, import jobs) once older than their configured age, in small batches, on a worker thread every
 * {@code rongtong.retention.every}. Plain JDBC: the pool the outbox relay and Flyway use, not the reactive one the
 * requests need. A Vert.x timer rather than a scheduler extension, as the demand expiry job does.
 */
@ApplicationScoped
public class RetentionPruner {

    private static final Logger LOG = Logger.getLogger(RetentionPruner.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private static final int STALE_CONNECTION_ATTEMPTS = 6;

    private final RetentionConfig config;
    private final DataSource dataSource;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public RetentionPruner(RetentionConfig config, DataSource dataSource, Vertx vertx) {
        this.config = config;
        this.dataSource = dataSource;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent ignored) {
        config.rules().forEach((name, rule) -> {
            if (!IDENTIFIER.matcher(rule.table()).matches() || !IDENTIFIER.matcher(rule.column()).matches()) {
                throw new IllegalArgumentException("rongtong.retention.rules." + name + ": table and column must be plain SQL names");
            }
        });
        if (config.enabled() && !config.rules().isEmpty()) {
            timer = vertx.setPeriodic(Math.max(1, config.delay().toMillis()), config.every().toMillis(),
                    id -> vertx.executeBlocking(() -> {
                        pruneNow(Instant.now());
                        return null;
                    }, false));
        }
    }

    void onStop(@Observes ShutdownEvent ignored) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * One round: per rule, the rows older than {@code now} minus the rule's age go. A round still running when the next
     * is due is not overlapped. Answers the rows deleted per rule (empty when a round was already running).
     */
    public Map<String, Long> pruneNow(Instant now) {
        Map<String, Long> deleted = new LinkedHashMap<>();
        if (!running.compareAndSet(false, true)) {
            return deleted;
        }
        try {
            for (var entry : config.rules().entrySet()) {
                RetentionConfig.Rule rule = entry.getValue();
                Instant cutoff = now.minus(rule.maxAge().orElse(config.maxAge()));
                try {
                    long n = prune(rule, cutoff);
                    deleted.put(entry.getKey(), n);
                    if (n > 0) {
                        LOG.infof("Retention: %d row(s) of %s older than %s deleted", n, rule.table(), cutoff);
                    }
                } catch (SQLException e) {
                    // the next round tries again; one table's trouble does not stop the others
                    LOG.warnf(e, "Retention: pruning %s failed", rule.table());
                }
            }
        } finally {
            running.set(false);
        }
        return deleted;
    }

    /**
     * A pooled connection may have died with the database (a restart, a failover) since it was last used: such a failure
     * is retried on another connection (the pool drops a connection that failed so), a few times, before the rule waits
     * for the next round.
     */
    private long prune(RetentionConfig.Rule rule, Instant cutoff) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                return pruneOnce(rule, cutoff);
            } catch (SQLException e) {
                String state = e.getSQLState();
                boolean connectionLost = state != null && (state.startsWith("08") || state.startsWith("57P"));
                if (!connectionLost || attempt >= STALE_CONNECTION_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private long pruneOnce(RetentionConfig.Rule rule, Instant cutoff) throws SQLException {
        String condition = rule.column() + " < ?" + rule.where().map(w -> " AND (" + w + ")").orElse("");
        String sql = "DELETE FROM " + rule.table() + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + rule.table() + " WHERE "
                + condition + " LIMIT " + config.batchSize() + "))";
        long total = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setTimestamp(1, Timestamp.from(cutoff));
                int n;
                do {
                    n = delete.executeUpdate();
                    total += n;
                } while (n >= config.batchSize());
            }
        }
        return total;
    }
}

package org.rongtong.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * How many rows wait in the outbox and how old the oldest is, read with one cheap query and kept for a few seconds:
 * a scrape never waits for the database and never runs a query on an event loop (it reads the last figures and asks
 * a worker for fresh ones when they are stale). Rows older than a few seconds mean the relay is stuck.
 */
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);
    private static final String QUERY = """
            SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0) FROM outbox_event""";

    private final AgroalDataSource dataSource;
    private final Executor worker;
    private final long maxAgeNanos;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile long readAt = Long.MIN_VALUE;
    private volatile double rows;
    private volatile double oldestSeconds;

    public OutboxBacklog(AgroalDataSource dataSource, Executor worker, Duration maxAge) {
        this.dataSource = dataSource;
        this.worker = worker;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** Rows waiting for the relay (as of at most the cache time ago). */
    public double rows() {
        refreshIfStale();
        return rows;
    }

    /** Age in seconds of the oldest row waiting, 0 when none waits. */
    public double oldestSeconds() {
        refreshIfStale();
        return oldestSeconds;
    }

    private void refreshIfStale() {
        if (readAt != Long.MIN_VALUE && System.nanoTime() - readAt < maxAgeNanos) {
            return;
        }
        if (refreshing.compareAndSet(false, true)) {
            try {
                worker.execute(this::refresh);
            } catch (RuntimeException e) {
                refreshing.set(false);
            }
        }
    }

    /** Reads the figures now (blocking). */
    public void refresh() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            if (rs.next()) {
                rows = rs.getLong(1);
                oldestSeconds = rs.getDouble(2);
            }
            readAt = System.nanoTime();
        } catch (Exception e) {
            // the last figures stay; the relay's own health detail tells what is wrong with the database
            LOG.debugf(e, "Could not read the outbox backlog");
        } finally {
            refreshing.set(false);
        }
    }
}

package org.rongtong.outbox;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the relay of this process has done, for {@link OutboxRelayHealth} and {@link OutboxMetrics} to report: the
 * relay writes it, they read it, so neither needs the relay itself.
 */
@ApplicationScoped
public class RelayStatus {

    private final AtomicLong published = new AtomicLong();
    private volatile String lastError;

    void succeeded(int events) {
        published.addAndGet(events);
        lastError = null;
    }

    void failed(Exception e) {
        lastError = e.toString();
    }

    /** Events this process has published since it started. */
    public long published() {
        return published.get();
    }

    /** The failure of the last round, or null when it succeeded. */
    public String lastError() {
        return lastError;
    }

    /** 1 while the last round failed (the relay retries with backoff), else 0: a gauge an operator can alert on. */
    public double failing() {
        return lastError == null ? 0 : 1;
    }
}

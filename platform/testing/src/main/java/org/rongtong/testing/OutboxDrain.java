package org.rongtong.testing;

import java.sql.Connection;
import java.time.Duration;

/**
 * Waits until the service's outbox is empty: every committed event has been relayed, so a metric counted from the
 * relayed events has counted it. A metrics test drains before it reads the value it compares against.
 */
public final class OutboxDrain {

    private OutboxDrain() {
    }

    public static void await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = TestDatabase.connect()) {
            while (TestDatabase.count(c, "SELECT count(*) FROM outbox_event") > 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("The outbox still holds events after " + timeout);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

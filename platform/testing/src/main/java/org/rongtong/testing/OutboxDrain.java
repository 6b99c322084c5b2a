package org.rongtong.testing;

import java.sql.Connection;
import java.time.Duration;

import org.awaitility.Awaitility;

/**
 * Waits until the service's outbox is empty: every committed event has been relayed, so a metric counted from the
 * relayed events has counted it. A metrics test drains before it reads the value it compares against.
 */
public final class OutboxDrain {

    private OutboxDrain() {
    }

    public static void await(Duration timeout) {
        try (Connection c = TestDatabase.connect()) {
            Awaitility.await("the outbox relayed every event").atMost(timeout).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> TestDatabase.count(c, "SELECT count(*) FROM outbox_event"), left -> left == 0);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

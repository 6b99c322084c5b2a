package org.rongtong.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rongtong.testing.TestDatabase.connect;
import static org.rongtong.testing.TestDatabase.count;
import static org.rongtong.testing.TestDatabase.exec;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rongtong.persistence.retention.RetentionPruner;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Item 14: bookkeeping rows older than the configured age (30 days by default) go; newer ones and pending deliveries stay. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class RetentionTest {

    @Inject
    RetentionPruner pruner;

    @Inject
    org.rongtong.notification.service.SecretBox secrets;

    @Test
    void rowsOlderThanTheConfiguredAgeGoAndNewerOnesStay() throws Exception {
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(31));
        Instant recent = now.minus(Duration.ofDays(29));
        UUID subscription = UUID.randomUUID();
        String tag = UUID.randomUUID().toString();
        try (Connection c = connect()) {
            exec(c, "INSERT INTO processed_event (event_id, processed_at) VALUES (?, ?), (?, ?)", "old-" + tag, ts(old), "new-" + tag, ts(recent));
            exec(c, "INSERT INTO stream_event (id, event_id, event_type, enterprises, payload, created_at) VALUES (?, ?, 't', '[]', '{}', ?),"
                    + " (?, ?, 't', '[]', '{}', ?)", UUID.randomUUID(), "old-" + tag, ts(old), UUID.randomUUID(), "new-" + tag, ts(recent));
            exec(c, "INSERT INTO notification (id, recipient_kind, enterprise_id, event_id, event_type, title, body, created_at)"
                    + " VALUES (?, 'ENTERPRISE', ?, ?, 't', 'old', 'b', ?), (?, 'ENTERPRISE', ?, ?, 't', 'new', 'b', ?)",
                    UUID.randomUUID(), UUID.randomUUID(), "old-" + tag, ts(old), UUID.randomUUID(), UUID.randomUUID(), "new-" + tag, ts(recent));
            exec(c, "INSERT INTO subscription (id, owner, owner_role, owner_subject, url, event_types, chains, fields, secret, status,"
                    + " created_at, version) VALUES (?, 'operator:retention', 'operator', 'retention', 'http://127.0.0.1:1/hook', '[]', '[]',"
                    + " '[]', ?, 'PAUSED', ?, 1)", subscription, secrets.seal("s"), ts(old));
            UUID oldDelivered = UUID.randomUUID();
            UUID oldPending = UUID.randomUUID();
            UUID newDelivered = UUID.randomUUID();
            String delivery = "INSERT INTO delivery (id, subscription_id, event_id, event_type, aggregate_id, payload, status, next_attempt_at,"
                    + " created_at) VALUES (?, ?, ?, 't', 'a', '{}', ?, ?, ?)";
            exec(c, delivery, oldDelivered, subscription, "old-" + tag, "DELIVERED", ts(old), ts(old));
            exec(c, delivery, oldPending, subscription, "pending-" + tag, "PENDING", ts(now.plusSeconds(3600)), ts(old));
            exec(c, delivery, newDelivered, subscription, "new-" + tag, "DELIVERED", ts(recent), ts(recent));
            String attempt = "INSERT INTO delivery_attempt (id, delivery_id, attempt, latency_ms, attempted_at) VALUES (?, ?, 1, 5, ?)";
            exec(c, attempt, UUID.randomUUID(), oldDelivered, ts(old));
            exec(c, attempt, UUID.randomUUID(), oldPending, ts(old));
            exec(c, attempt, UUID.randomUUID(), newDelivered, ts(recent));

            var deleted = pruner.pruneNow(now);

            assertEquals(0, count(c, "SELECT count(*) FROM processed_event WHERE event_id = ?", "old-" + tag));
            assertEquals(1, count(c, "SELECT count(*) FROM processed_event WHERE event_id = ?", "new-" + tag));
            assertEquals(0, count(c, "SELECT count(*) FROM stream_event WHERE event_id = ?", "old-" + tag));
            assertEquals(1, count(c, "SELECT count(*) FROM stream_event WHERE event_id = ?", "new-" + tag));
            assertEquals(0, count(c, "SELECT count(*) FROM notification WHERE event_id = ?", "old-" + tag));
            assertEquals(1, count(c, "SELECT count(*) FROM notification WHERE event_id = ?", "new-" + tag));
            assertEquals(0, count(c, "SELECT count(*) FROM delivery WHERE id = ?", oldDelivered));
            assertEquals(1, count(c, "SELECT count(*) FROM delivery WHERE id = ?", oldPending), "pending work stays, whatever its age");
            assertEquals(1, count(c, "SELECT count(*) FROM delivery WHERE id = ?", newDelivered));
            assertEquals(0, count(c, "SELECT count(*) FROM delivery_attempt WHERE delivery_id IN (?, ?)", oldDelivered, oldPending),
                    "attempts go on their own age");
            assertEquals(1, count(c, "SELECT count(*) FROM delivery_attempt WHERE delivery_id = ?", newDelivered));
            assertEquals(true, deleted.get("processed-events") >= 1, deleted.toString());

            // the fixtures go: a subscription for every event type would take part in the other tests' fan-outs
            exec(c, "DELETE FROM delivery WHERE subscription_id = ?", subscription);
            exec(c, "DELETE FROM subscription WHERE id = ?", subscription);
            exec(c, "DELETE FROM stream_event WHERE event_id = ?", "new-" + tag);
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}

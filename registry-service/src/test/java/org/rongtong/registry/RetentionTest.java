package org.rongtong.registry;

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

/** Item 14 in registry-service: idempotency records and finished import jobs older than 30 days go; a running job stays. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class RetentionTest {

    @Inject
    RetentionPruner pruner;

    @Test
    void idempotencyRecordsAndFinishedImportJobsOlderThanTheConfiguredAgeGo() throws Exception {
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(31));
        Instant recent = now.minus(Duration.ofDays(29));
        String tag = UUID.randomUUID().toString();
        UUID oldJob = UUID.randomUUID();
        UUID newJob = UUID.randomUUID();
        UUID runningJob = UUID.randomUUID();
        try (Connection c = connect()) {
            String key = "INSERT INTO idempotent_request (scope, caller, idempotency_key, request_hash, resource_id, created_at)"
                    + " VALUES ('test', 'partner', ?, ?, ?, ?)";
            exec(c, key, "old-" + tag, "0".repeat(64), UUID.randomUUID(), Timestamp.from(old));
            exec(c, key, "new-" + tag, "0".repeat(64), UUID.randomUUID(), Timestamp.from(recent));
            String job = "INSERT INTO import_job (id, status, format, atomic, total, done, rejected, rejections, created_at, finished_at)"
                    + " VALUES (?, ?, 'CSV', false, 1, 1, 0, '[]', ?, ?)";
            exec(c, job, oldJob, "COMPLETED", Timestamp.from(old), Timestamp.from(old));
            exec(c, job, newJob, "COMPLETED", Timestamp.from(recent), Timestamp.from(recent));
            exec(c, job, runningJob, "RUNNING", Timestamp.from(old), null);
            exec(c, "INSERT INTO import_job_chunk (job_id, first_line, lines, enterprise_ids) VALUES (?, 2, '{2}', ARRAY[?::uuid])",
                    oldJob, UUID.randomUUID());

            pruner.pruneNow(now);

            assertEquals(0, count(c, "SELECT count(*) FROM idempotent_request WHERE idempotency_key = ?", "old-" + tag));
            assertEquals(1, count(c, "SELECT count(*) FROM idempotent_request WHERE idempotency_key = ?", "new-" + tag));
            assertEquals(0, count(c, "SELECT count(*) FROM import_job WHERE id = ?", oldJob));
            assertEquals(0, count(c, "SELECT count(*) FROM import_job_chunk WHERE job_id = ?", oldJob), "its registered lines go with it");
            assertEquals(1, count(c, "SELECT count(*) FROM import_job WHERE id = ?", newJob));
            assertEquals(1, count(c, "SELECT count(*) FROM import_job WHERE id = ?", runningJob), "a running job stays");
        }
    }
}

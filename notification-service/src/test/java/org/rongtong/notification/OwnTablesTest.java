package org.rongtong.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;

import org.junit.jupiter.api.Test;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TestDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The service's database holds its own tables only: it publishes no events, so it has no outbox. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class OwnTablesTest {

    @Test
    void theDatabaseHasNoOutboxTable() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            assertEquals(0, TestDatabase.count(c, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'outbox_event'"));
            assertEquals(1, TestDatabase.count(c, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'delivery'"));
        }
    }
}

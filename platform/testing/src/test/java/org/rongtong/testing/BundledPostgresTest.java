package org.rongtong.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fallback of ADR 0025, proved without stopping the real server: the default address points where nothing listens. */
class BundledPostgresTest {

    private Path dir;

    @BeforeEach
    void directory() throws Exception {
        dir = Files.createTempDirectory("bundled-pg-test-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    @AfterEach
    void removeDirectory() throws Exception {
        BundledPostgres.deleteRecursively(dir);
    }

    @Test
    void withNothingListeningAndNothingConfiguredABundledServerStartsAndKeepsItsDataBetweenRuns() throws Exception {
        PostgresServer nobodyHome = new PostgresServer("127.0.0.1", Integer.toString(EmbeddedKafkaBroker.freePort()), "postgres", "");
        int port = EmbeddedKafkaBroker.freePort();
        PostgresServer.Chosen chosen = PostgresServer.choose(nobodyHome, false, dir.resolve("data"), port);
        assertNotNull(chosen.bundled(), "a bundled server was started");
        try (BundledPostgres bundled = chosen.bundled()) {
            assertEquals(Integer.toString(port), chosen.server().port());
            chosen.server().createDatabaseIfMissing("rt_bundled");
            try (Connection c = chosen.server().connect("rt_bundled"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE enterprise (name TEXT)");
                s.execute("INSERT INTO enterprise VALUES ('青岛精工模具有限公司')");
            }
        }
        assertTrue(!chosen.server().isReachable(), "closed: the server is gone");

        // the next run finds the cluster and its rows where it left them
        try (BundledPostgres again = PostgresServer.choose(nobodyHome, false, dir.resolve("data"), port).bundled();
                Connection c = again.server().connect("rt_bundled"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM enterprise")) {
            assertTrue(rs.next());
            assertEquals("青岛精工模具有限公司", rs.getString(1));
        }
    }

    @Test
    void anExplicitlyConfiguredServerThatDoesNotAnswerIsAnErrorNotAFallback() {
        PostgresServer configured = new PostgresServer("127.0.0.1", Integer.toString(EmbeddedKafkaBroker.freePort()), "postgres", "");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PostgresServer.choose(configured, true, dir.resolve("data"), EmbeddedKafkaBroker.freePort()));
        assertTrue(e.getMessage().contains("PGHOST/PGPORT name explicitly"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("data")), "nothing was started");
    }

    @Test
    void aServerThatAnswersWins() throws Exception {
        PostgresServer running = new PostgresServer();
        Assumptions.assumeTrue(running.isReachable(), "no PostgreSQL server on the default address here");
        PostgresServer.Chosen chosen = PostgresServer.choose(running, false, dir.resolve("data"), EmbeddedKafkaBroker.freePort());
        assertNull(chosen.bundled());
        assertEquals(running.port(), chosen.server().port());
    }
}

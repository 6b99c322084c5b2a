package org.rongtong.matching;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresServer;
import org.rongtong.testing.TestJson;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Item 7: a restart with a backlog. Before the service starts, its projection already holds the enterprises (consumed
 * before the restart) and 100 published demands wait on the topic; the index rebuild is held back a few seconds, as a
 * large one takes. Every demand must be ranked against the full index, none against an empty one.
 */
@QuarkusTest
@TestProfile(RestartWithBacklogTest.Backlog.class)
class RestartWithBacklogTest {

    static final int DEMANDS = 100;
    static final List<UUID> ENTERPRISES = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    static final List<UUID> QUEUED = new ArrayList<>();

    public static class Backlog implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaBrokerResource.class), new TestResourceEntry(BacklogResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rongtong.test.index-delay", "8s");
        }
    }

    /** Stands in for an index that takes a while to rebuild: runs just before IndexLoader, after the channels started. */
    @ApplicationScoped
    public static class SlowIndex {
        void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 400) StartupEvent ignored,
                @ConfigProperty(name = "rongtong.test.index-delay", defaultValue = "0s") Duration delay) throws InterruptedException {
            Thread.sleep(delay.toMillis());
        }
    }

    /** The state a restart finds: a migrated database whose projection holds the enterprises, and demands queued on the topic. */
    public static class BacklogResource implements QuarkusTestResourceLifecycleManager {

        private final PostgresServer server = org.rongtong.testing.PostgresResource.server();
        private String database;

        @Override
        public Map<String, String> start() {
            database = server.createUniqueDatabase("rt_restart");
            try {
                Flyway.configure().dataSource(server.jdbcUrl(database), server.user(), server.password())
                        .locations("classpath:db/migration", "classpath:db/outbox").load().migrate();
                try (Connection c = server.connect(database); PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO candidate (id, version, name, kind, tier, region_code, chains, capabilities, description, willingness, active)
                        VALUES (?, 1, ?, 'SME', 'SPECIALIZED_SME', '370211', '["HOME_APPLIANCES"]', '["精密注塑","模具开发"]', '',
                            '{"PRODUCT_SUPPORTING":"STRONG"}', true)""")) {
                    for (int i = 0; i < ENTERPRISES.size(); i++) {
                        insert.setObject(1, ENTERPRISES.get(i));
                        insert.setString(2, "青岛精工模具" + (i + 1) + "厂");
                        insert.executeUpdate();
                    }
                }
                ObjectMapper json = TestJson.MAPPER;
                for (int i = 0; i < DEMANDS; i++) {
                    DemandSnapshot demand = new DemandSnapshot(UUID.randomUUID(), 1, UUID.randomUUID(), CooperationField.PRODUCT_SUPPORTING,
                            "HOME_APPLIANCES", "洗衣机内桶精密注塑件配套" + i, "寻求精密注塑配套", List.of("精密注塑", "模具开发"), List.of("37"),
                            null, null, Instant.now().plusSeconds(30 * 86_400), DemandStatus.PUBLISHED, Instant.now(), Instant.now());
                    QUEUED.add(demand.id());
                    TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, json.writeValueAsString(demand));
                }
            } catch (Exception e) {
                throw new IllegalStateException("Could not prepare the backlog", e);
            }
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.username", server.user());
            config.put("quarkus.datasource.password", server.password());
            config.put("quarkus.datasource.jdbc.url", server.jdbcUrl(database));
            config.put("quarkus.datasource.reactive.url", server.reactiveUrl(database));
            return config;
        }

        @Override
        public void stop() {
            if (database != null) {
                server.dropDatabase(database);
            }
        }
    }

    @Test
    void aRestartWithOneHundredQueuedDemandsRanksAllOfThemAgainstTheFullIndex() throws Exception {
        PostgresServer server = org.rongtong.testing.PostgresResource.server();
        String database = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        database = database.substring(database.lastIndexOf('/') + 1);
        UUID[] ids = QUEUED.toArray(UUID[]::new);
        assertEquals(DEMANDS, ids.length);
        try (Connection c = server.connect(database)) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> count(c, "SELECT count(*) FROM open_demand WHERE id = ANY(?) AND ranked_at IS NOT NULL", ids) == DEMANDS);
            // every demand has its candidates: none was ranked against the empty index of a service still starting
            assertEquals(0, count(c, "SELECT count(*) FROM open_demand d WHERE d.id = ANY(?) AND NOT EXISTS"
                    + " (SELECT 1 FROM match m WHERE m.demand_id = d.id)", ids));
            for (UUID enterprise : ENTERPRISES) {
                try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM match WHERE demand_id = ANY(?) AND enterprise_id = ?")) {
                    s.setArray(1, c.createArrayOf("uuid", ids));
                    s.setObject(2, enterprise);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        assertEquals(DEMANDS, rs.getLong(1), "enterprise " + enterprise + " is a candidate of every demand");
                    }
                }
            }
        }
    }

    private static long count(Connection c, String sql, UUID[] ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

}

package org.rongtong.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.testing.Api;
import org.rongtong.testing.RegistryEnterprise;
import org.rongtong.testing.TestJson;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** What the demand-service tests share: enterprises announced by "the registry", request bodies, database and topic checks. */
final class Fixtures {

    static final ObjectMapper JSON = TestJson.MAPPER;

    private Fixtures() {
    }

    /** Publishes an enterprise event as the registry would, and waits until demand-service's projection applied it. */
    static UUID enterprise(EnterpriseKind kind, String region) {
        return announce(UUID.randomUUID(), kind, region, 1, true);
    }

    static UUID announce(UUID id, EnterpriseKind kind, String region, long version, boolean active) {
        RegistryEnterprise.of(kind, region).id(id).version(version, active).publish();
        awaitRow("SELECT 1 FROM known_enterprise WHERE id = ? AND version >= " + version, id);
        return id;
    }

    static Map<String, Object> demand() {
        Map<String, Object> body = new HashMap<>();
        body.put("field", "PRODUCT_SUPPORTING");
        body.put("chain", "HOME_APPLIANCES");
        body.put("title", "洗衣机内桶精密注塑件配套");
        body.put("description", "寻求年产50万件的精密注塑配套企业，需具备ABS改性与模具开发能力");
        body.put("requiredCapabilities", List.of("精密注塑", "模具开发"));
        body.put("regionCodes", List.of("37"));
        body.put("budgetMin", 1_000_000);
        body.put("budgetMax", 5_000_000);
        body.put("deadline", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        return body;
    }

    static Response post(String token, String path, Object body) {
        return Api.as(token).contentType(ContentType.JSON).body(body).when().post(path);
    }

    static Response post(String token, String path) {
        return Api.as(token).contentType(ContentType.JSON).when().post(path);
    }

    static Response get(String token, String path) {
        return Api.as(token).when().get(path);
    }

    /** Creates a demand and answers its id. */
    static String createDemand(String token, Map<String, Object> body, boolean draft) {
        return post(token, "/api/v1/demands" + (draft ? "?draft=true" : ""), body).then().statusCode(201).extract().path("id");
    }

    // --- events

    /** The types of every event on the topic for this key, in order, once {@code last} (an event of this key) has arrived. */
    static List<String> eventTypesUpTo(TopicProbe probe, String key, String last) {
        probe.awaitKey(key, last, Duration.ofSeconds(30));
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, String> r : probe.drain(Duration.ofMillis(300))) {
            if (key.equals(r.key())) {
                types.add(TopicProbe.header(r, "ce_type"));
            }
        }
        return types;
    }

    // --- database (read only: to wait for the projection and to prove that nothing was written)

    static long count(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitRow(String sql, Object... params) {
        Awaitility.await("a row for " + sql).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT count(*) FROM (" + sql + ") x", params) > 0);
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class), user, password);
    }

    static void assertProblem(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("application/problem+json", response.contentType().split(";")[0], response.asString());
    }
}

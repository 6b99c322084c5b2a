package org.rongtong.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.EventTypes;
import org.rongtong.events.MatchChanged;
import org.rongtong.events.MatchStatus;
import org.rongtong.events.Topics;
import org.rongtong.testing.Api;
import org.rongtong.testing.ConsumerLag;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.PrometheusText;
import org.rongtong.testing.TestJson;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Items 8, 9 and 10 of the reliability issue (docs/adr/0012-retries-dead-letters-retention.md), through the real broker
 * and database: titles that fit, one bad record parked alone, a database outage that loses and parks nothing, dead
 * letters counted per topic, read and replayed by operators only.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class ReliabilityTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private static final String DLQ = "notification-service.dlq.v1";
    private static final ObjectMapper JSON = TestJson.MAPPER;

    @Test
    void aTwoHundredCharacterEnterpriseNameAndDemandTitleParkNothing() throws Exception {
        double parkedBefore = parked();
        UUID publisher = UUID.randomUUID();
        UUID candidate = UUID.randomUUID();
        String region = "3702";
        int bureauBefore = total(DevTokens.bureau(region));
        String name = "青".repeat(200);
        String title = "题".repeat(200);
        // a confirmation names both the demand and the enterprise in the bureau's title: some 412 characters before the fix
        publish(List.of(move(UUID.randomUUID(), publisher, candidate, region, name, title, MatchStatus.COOPERATING)));

        await().atMost(Duration.ofSeconds(30)).until(() -> total(DevTokens.enterprise(candidate)) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(DevTokens.bureau(region)) == bureauBefore + 1);
        String bureauTitle = Api.asBureau(region).when().get("/api/v1/inbox")
                .then().statusCode(200).extract().path("items[0].title");
        assertTrue(bureauTitle.startsWith("辖区对接成功") && bureauTitle.codePointCount(0, bureauTitle.length()) <= 300, bureauTitle);
        assertTrue(bureauTitle.contains("…"), "the long parts are cut, visibly");
        ConsumerLag.awaitCaughtUp("notification-service", Topics.MATCHES, Duration.ofSeconds(30));
        assertEquals(parkedBefore, parked(), "nothing parked");
    }

    @Test
    void oneBadRecordOfABatchIsParkedAloneAndAnOperatorReplaysItOnceFixed() throws Exception {
        double parkedBefore = parked();
        UUID demand = UUID.randomUUID();
        UUID publisher = UUID.randomUUID();
        String marker = "BROKEN-" + UUID.randomUUID().toString().substring(0, 8);
        // a fault the record carries into the database (a CHECK the record breaks), standing in for any bug a fix removes
        sql("ALTER TABLE notification ADD CONSTRAINT reliability_test_marker CHECK (title NOT LIKE '%" + marker + "%')");
        List<String> events = new ArrayList<>();
        List<UUID> candidates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID candidate = UUID.randomUUID();
            candidates.add(candidate);
            String title = i == 7 ? "需求 " + marker : "需求 " + i;
            events.add(move(demand, publisher, candidate, "3702", "企业" + i, title, MatchStatus.SHORTLISTED));
        }
        String badEventId;
        try (TopicProbe dlq = TopicProbe.of(DLQ)) {
            List<String> ids = publish(events); // one key, one partition, one producer flush: one poll's batch
            badEventId = ids.get(7);
            var parkedRecord = dlq.await(r -> badEventId.equals(TopicProbe.header(r, "ce_id")), Duration.ofSeconds(60));
            assertEquals(Topics.MATCHES, TopicProbe.header(parkedRecord, "dead-letter-topic"));
            assertTrue(TopicProbe.header(parkedRecord, "dead-letter-reason").contains("reliability_test_marker"));
            for (int i = 0; i < 20; i++) {
                int expected = i == 7 ? 0 : 1;
                UUID candidate = candidates.get(i);
                await().atMost(Duration.ofSeconds(30)).until(() -> total(DevTokens.enterprise(candidate)) == expected);
            }
            ConsumerLag.awaitCaughtUp("notification-service", Topics.MATCHES, Duration.ofSeconds(30));
            assertEquals(parkedBefore + 1, parked(), "only the bad record is parked, and counted under its topic");
            assertEquals(0, dlq.drain(Duration.ofSeconds(2)).stream().filter(r -> !badEventId.equals(TopicProbe.header(r, "ce_id"))
                    && TopicProbe.header(r, "ce_id") != null && ids.contains(TopicProbe.header(r, "ce_id"))).count(),
                    "no other record of the batch parked");

            // operators find it...
            int partition = parkedRecord.partition();
            long offset = parkedRecord.offset();
            Api.asOperator().when().get("/api/v1/dead-letters/" + partition + "/" + offset)
                    .then().statusCode(200).body("eventId", equalTo(badEventId)).body("topic", equalTo(Topics.MATCHES))
                    .body("reason", containsString("reliability_test_marker"));
            Api.asOperator().when().get("/api/v1/dead-letters?limit=500")
                    .then().statusCode(200).body("items.eventId", org.hamcrest.Matchers.hasItem(badEventId));

            // ...and once the cause is fixed, replay it: it is handled like any record
            sql("ALTER TABLE notification DROP CONSTRAINT reliability_test_marker");
            Api.asOperator().when().post("/api/v1/dead-letters/" + partition + "/" + offset + "/replay")
                    .then().statusCode(200).body("topic", equalTo(Topics.MATCHES));
            UUID badCandidate = candidates.get(7);
            await().atMost(Duration.ofSeconds(30)).until(() -> total(DevTokens.enterprise(badCandidate)) == 1);
            Api.asEnterprise(badCandidate).when().get("/api/v1/inbox")
                    .then().statusCode(200).body("items[0].title", containsString(marker));
            // replayed twice: the processed-event id makes the second harmless
            Api.asOperator().when().post("/api/v1/dead-letters/" + partition + "/" + offset + "/replay")
                    .then().statusCode(200);
            ConsumerLag.awaitCaughtUp("notification-service", Topics.MATCHES, Duration.ofSeconds(30));
            assertEquals(1, total(DevTokens.enterprise(badCandidate)));
            assertEquals(parkedBefore + 1, parked());
        } finally {
            sql("ALTER TABLE notification DROP CONSTRAINT IF EXISTS reliability_test_marker");
        }
    }

    @Test
    void deadLettersAreForOperatorsOnlyAndAnUnknownOneIsAProblem() {
        for (String token : List.of(DevTokens.enterprise(UUID.randomUUID()), DevTokens.bureau("37"), DevTokens.partner())) {
            Api.as(token).when().get("/api/v1/dead-letters").then().statusCode(403);
            Api.as(token).when().get("/api/v1/dead-letters/0/0").then().statusCode(403);
            Api.as(token).when().post("/api/v1/dead-letters/0/0/replay").then().statusCode(403);
        }
        given().when().get("/api/v1/dead-letters").then().statusCode(401);
        Api.asOperator().when().post("/api/v1/dead-letters/0/999999999/replay")
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString(DLQ));
        Api.asOperator().when().get("/api/v1/dead-letters/7/0")
                .then().statusCode(404).contentType("application/problem+json");
        Api.asOperator().when().get("/api/v1/dead-letters/0/-1")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("offset"));
        Api.asOperator().when().get("/api/v1/dead-letters?limit=abc")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
    }

    @Test
    void theDeadLetterTopicIsCreatedWithALongRetentionAndCountedPerTopic() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", KafkaBrokerResource.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, DLQ);
            var config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertEquals(Long.toString(Duration.ofDays(365).toMillis()), config.get("retention.ms").value());
            assertEquals("delete", config.get("cleanup.policy").value());
        }
        // the consumed topic shows from the start, at 0 or more
        assertTrue(parked() >= 0);
    }

    @Test
    void postgresUnreachableFor20SecondsWhileEventsFlowLosesAndParksNone() throws Exception {
        ConsumerLag.awaitCaughtUp("notification-service", Topics.MATCHES, Duration.ofSeconds(30));
        double parkedBefore = parked();
        String database = database();
        List<UUID> candidates = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), user(), password())) {
            try (Statement s = admin.createStatement()) {
                s.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "' AND pid <> pg_backend_pid()");
            }
            long outageEnds = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            try {
                // events keep coming during the outage, in several batches
                for (int round = 0; round < 5; round++) {
                    List<String> events = new ArrayList<>();
                    for (int i = 0; i < 6; i++) {
                        UUID candidate = UUID.randomUUID();
                        candidates.add(candidate);
                        events.add(move(UUID.randomUUID(), UUID.randomUUID(), candidate, "3702", "企业", "停库期间的需求", MatchStatus.SHORTLISTED));
                    }
                    publish(events);
                    Thread.sleep(2_000);
                }
                long left = outageEnds - System.nanoTime();
                if (left > 0) {
                    Thread.sleep(left / 1_000_000);
                }
                // the outage is real: nobody gets into the service's database
                org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> DriverManager.getConnection(jdbcUrl(database), user(), password()).close());
            } finally {
                try (Statement s = admin.createStatement()) {
                    s.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
                }
            }
        }
        for (UUID candidate : candidates) {
            await().atMost(Duration.ofSeconds(90)).until(() -> total(DevTokens.enterprise(candidate)) == 1);
        }
        ConsumerLag.awaitCaughtUp("notification-service", Topics.MATCHES, Duration.ofSeconds(30));
        assertEquals(30, candidates.size());
        assertEquals(parkedBefore, parked(), "an outage parks nothing");
    }

    // --- helpers

    private static String move(UUID demand, UUID publisher, UUID candidate, String region, String name, String title, MatchStatus to)
            throws Exception {
        MatchStatus from = to == MatchStatus.COOPERATING ? MatchStatus.SHORTLISTED : MatchStatus.INTERESTED;
        return JSON.writeValueAsString(new MatchChanged(UUID.randomUUID(), 2, demand, publisher, candidate, name,
                CooperationField.PRODUCT_SUPPORTING, "HOME_APPLIANCES", title, region, from, to, MatchChanged.VIA_API, null, null,
                Instant.now(), null, region, null)); // published from the region: its bureaus hear of the move
    }

    /** Publishes the moves with one producer and one flush, keyed by their demand; answers their CloudEvents ids. */
    private static List<String> publish(List<String> moves) throws Exception {
        List<String> ids = new ArrayList<>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", KafkaBrokerResource.bootstrapServers(),
                "acks", "all", "linger.ms", "50"), new StringSerializer(), new StringSerializer())) {
            for (String json : moves) {
                MatchChanged m = JSON.readValue(json, MatchChanged.class);
                String type = m.status() == MatchStatus.COOPERATING ? EventTypes.MATCH_CONFIRMED : EventTypes.MATCH_SHORTLISTED;
                String id = UUID.randomUUID().toString();
                ids.add(id);
                var record = new ProducerRecord<>(Topics.MATCHES, m.demandId().toString(), json);
                record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_subject", m.demandId().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        return ids;
    }

    private static int total(String token) {
        return Api.as(token).when().get("/api/v1/inbox").then().statusCode(200).extract().path("total");
    }

    /** rongtong_dead_letters_total of the match topic on the management port's /q/metrics. */
    private double parked() {
        String text = given().when().get(metrics).then().statusCode(200).extract().asString();
        return PrometheusText.parse(text).value("rongtong_dead_letters_total", "topic", Topics.MATCHES);
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database()), user(), password()); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static String serviceUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static String database() {
        String url = serviceUrl();
        String path = url.substring(url.lastIndexOf('/') + 1);
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static String jdbcUrl(String database) {
        String url = serviceUrl();
        return url.substring(0, url.lastIndexOf('/') + 1) + database;
    }

    private static String user() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
    }

    private static String password() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse("");
    }
}

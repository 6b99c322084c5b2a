package org.rongtong.registry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rongtong.registry.BulkImportTest.AS_SENT;
import static org.rongtong.registry.BulkImportTest.HEADER;
import static org.rongtong.registry.BulkImportTest.row;
import static org.rongtong.registry.BulkImportTest.upload;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rongtong.registry.service.ImportService;
import org.rongtong.testing.Api;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TestData;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What a bulk import refuses whole, how it reads charsets, whose jobs a caller sees, and what a restart leaves. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class BulkImportBoundariesTest {

    private static final String IMPORTS = "/api/v1/enterprises/imports";

    @Inject
    AgroalDataSource db;

    @Inject
    ImportService imports;

    @Test
    void aBlankHeaderCellIsA400NamingLineOneAndNoJob() {
        long jobs = count("SELECT count(*) FROM import_job");
        String code = TestData.creditCode("370211");
        String csv = "name,,creditCode\n表头空白公司,x," + code + "\n";
        upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", "")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("line 1"))
                .body("errors[0].message", containsString("column 2 of the header is blank"))
                .body("detail", containsString("Line 1"));
        assertEquals(jobs, count("SELECT count(*) FROM import_job"));
        assertEquals(0, count("SELECT count(*) FROM enterprise WHERE credit_code = '" + code + "'"));
    }

    @Test
    void anNdjsonNullLineIsA400NamingTheLineWithNothingWrittenAndNoJobLeftRunning() {
        long jobs = count("SELECT count(*) FROM import_job");
        long enterprises = count("SELECT count(*) FROM enterprise");
        long events = count("SELECT last_value FROM outbox_event_id_seq");
        // large enough to run as a background job: the null on line 1,400 must stop it before any row is written
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= 1500; i++) {
            ndjson.append(i == 1400 ? "null" : ndjsonProfile("空行前企业" + i, TestData.creditCode("370211"))).append('\n');
        }
        upload(ndjson.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson", "")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("line 1400"))
                .body("errors[0].message", containsString("not null"));
        // a line that is not JSON at all is the same kind of trouble
        upload((ndjsonProfile("好行", TestData.creditCode("370211")) + "\n{\"name\": \n").getBytes(StandardCharsets.UTF_8),
                "application/x-ndjson", "").then().statusCode(400).body("errors[0].field", equalTo("line 2"));
        assertEquals(jobs, count("SELECT count(*) FROM import_job"));
        assertEquals(0, count("SELECT count(*) FROM import_job WHERE status = 'RUNNING'"));
        assertEquals(enterprises, count("SELECT count(*) FROM enterprise"));
        // the relay deletes what it published, so the sequence (not the count) shows whether an event was appended
        assertEquals(events, count("SELECT last_value FROM outbox_event_id_seq"));
    }

    @Test
    void aGbkFileIsDecodedAsGbkAndTheAnswerListsTheNewIds() {
        String code = TestData.creditCode("370705");
        String csv = String.join("\n", HEADER, row("潍坊国标编码精密部件有限公司", code, "370705", "gbk@example.cn")) + "\n";
        String id = upload(csv.getBytes(Charset.forName("GBK")), "text/csv", "")
                .then().statusCode(200).body("charset", equalTo("GBK")).body("done", equalTo(1))
                .body("registered[0].line", equalTo(2)).extract().path("registered[0].id");
        Api.asOperator().when().get("/api/v1/enterprises/" + id)
                .then().statusCode(200).body("name", equalTo("潍坊国标编码精密部件有限公司")).body("creditCode", equalTo(code));
    }

    @Test
    void bytesThatAreNeitherUtf8NorGbkAreA400NamingTheLine() {
        byte[] head = (HEADER + "\n" + row("好的一行", TestData.creditCode("370211"), "370211", "ok@example.cn") + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'b', 'a', 'd', (byte) 0xFF, (byte) 0xFF, ',', '\n'};
        byte[] file = new byte[head.length + bad.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(bad, 0, file, head.length, bad.length);
        long jobs = count("SELECT count(*) FROM import_job");
        upload(file, "text/csv", "").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("line 3")).body("errors[0].message", containsString("UTF-8 or GBK"));
        assertEquals(jobs, count("SELECT count(*) FROM import_job"));
    }

    @Test
    void aDeclaredCharsetIsHonouredAndNotSecondGuessed() {
        // Big5 bytes of traditional characters happen to be valid GBK too: only the declaration reads them right
        String code = TestData.creditCode("370211");
        String name = "臺灣精密機械股份有限公司";
        byte[] big5 = (HEADER + "\n" + row(name, code, "370211", "big5@example.cn") + "\n").getBytes(Charset.forName("Big5"));
        String id = upload(big5, "text/csv; charset=Big5", "").then().statusCode(200).body("charset", equalTo("Big5"))
                .body("done", equalTo(1)).extract().path("registered[0].id");
        Api.asOperator().when().get("/api/v1/enterprises/" + id).then().body("name", equalTo(name));
        // declared UTF-8 but sent GBK: refused, not decoded as GBK behind the caller's back
        byte[] gbk = (HEADER + "\n" + row("济南编码错误公司", TestData.creditCode("370102"), "370102", "x@example.cn") + "\n")
                .getBytes(Charset.forName("GBK"));
        upload(gbk, "text/csv; charset=UTF-8", "").then().statusCode(400).body("errors[0].field", equalTo("line 2"))
                .body("errors[0].message", containsString("declared charset UTF-8"));
        upload(gbk, "text/csv; charset=no-such-charset", "").then().statusCode(400).body("errors[0].field", equalTo("Content-Type"));
    }

    @Test
    void aPartnerSeesOnlyItsOwnImportJobsAndOperatorsSeeAll() {
        String csv = String.join("\n", HEADER, row("归属测试公司", TestData.creditCode("370211"), "370211", "own@example.cn")) + "\n";
        String location = upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", "").then().statusCode(200)
                .body("owner", equalTo("partner")).extract().header("Location");
        Api.asPartner().when().get(location).then().statusCode(200).body("owner", equalTo("partner"));
        Api.asPartner("another-partner").when().get(location)
                .then().statusCode(404).contentType("application/problem+json");
        Api.asOperator().when().get(location).then().statusCode(200).body("done", equalTo(1));
    }

    @Test
    void enterprisesAndBureausMayNeitherImportNorReadImportJobs() {
        String csv = String.join("\n", HEADER, row("越权导入公司", TestData.creditCode("370211"), "370211", "no@example.cn")) + "\n";
        String location = upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", "").then().statusCode(200).extract().header("Location");
        for (String token : List.of(DevTokens.enterprise(UUID.randomUUID()), DevTokens.bureau("37"))) {
            given().config(AS_SENT).auth().oauth2(token).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                    .when().post(IMPORTS).then().statusCode(403).contentType("application/problem+json");
            Api.as(token).when().get(location).then().statusCode(403);
        }
        given().when().get(location).then().statusCode(401);
        Api.asOperator().when().get("/api/v1/enterprises?q=越权导入公司&size=10")
                .then().body("items.size()", equalTo(1));
    }

    @Test
    void aRunningJobFoundAfterARestartEndsFailedWhenItsFileIsGone() throws SQLException {
        UUID job = insertRunningJob(null, 0, 3, "a-node-that-restarted");
        imports.recover();
        await().atMost(Duration.ofSeconds(20)).until(() -> !"RUNNING".equals(status(job)));
        Api.asOperator().when().get(IMPORTS + "/" + job)
                .then().statusCode(200).body("status", equalTo("FAILED")).body("failure", containsString("file is gone"));
    }

    @Test
    void aRunningJobFoundAfterARestartResumesAfterItsLastCommittedLine() throws Exception {
        String done = TestData.creditCode("370211");
        String third = TestData.creditCode("370211");
        String fourth = TestData.creditCode("370211");
        String csv = String.join("\n", HEADER, row("已在重启前登记", done, "370211", "a@example.cn"),
                row("重启后续登甲", third, "370211", "b@example.cn"), row("重启后续登乙", fourth, "370211", "c@example.cn")) + "\n";
        // checked and prepared as an upload is; its rows then left by a node that died after committing line 2
        ImportService.Started started = imports.start("partner", "csv", "UTF-8",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false, null);
        Path prepared = Files.createTempFile("import-", ".rows");
        Files.move(Path.of(started.job().spoolPath), prepared, StandardCopyOption.REPLACE_EXISTING);
        forget(started.job().id);
        UUID job = insertRunningJob(prepared.toString(), 2, 3, "a-node-that-restarted");
        imports.recover();
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(job)));
        Api.asOperator().when().get(IMPORTS + "/" + job)
                .then().statusCode(200).body("done", equalTo(3)).body("registered.line", equalTo(List.of(3, 4)));
        Api.asOperator().when().get("/api/v1/enterprises?q=重启后续登&size=10")
                .then().body("items.creditCode", hasItem(third)).body("items.creditCode", hasItem(fourth));
        Api.asOperator().when().get("/api/v1/enterprises?q=已在重启前登记&size=10")
                .then().body("items.creditCode", not(hasItem(done)));
        assertEquals(false, Files.exists(prepared));
    }

    @Test
    void aRunningJobWhoseFileIsNotPreparedRowsEndsFailedAndNamesTheLineToResendFrom() throws Exception {
        // a raw upload, as a job interrupted under an earlier version left it: never read as prepared rows
        Path spool = Files.createTempFile("import-", ".upload");
        Files.writeString(spool, String.join("\n", HEADER, row("旧版本留下的行", TestData.creditCode("370211"), "370211", "d@example.cn")));
        UUID job = insertRunningJob(spool.toString(), 1, 2, "a-node-that-restarted");
        imports.recover();
        await().atMost(Duration.ofSeconds(20)).until(() -> !"RUNNING".equals(status(job)));
        Api.asOperator().when().get(IMPORTS + "/" + job)
                .then().statusCode(200).body("status", equalTo("FAILED")).body("failure", containsString("after line 1"))
                .body("failure", containsString("another version"));
        Api.asOperator().when().get("/api/v1/enterprises?q=旧版本留下的行&size=10")
                .then().body("items.size()", equalTo(0));
        assertEquals(false, Files.exists(spool));
    }

    private void forget(UUID job) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM import_job WHERE id = ?")) {
            s.setObject(1, job);
            s.executeUpdate();
        }
    }

    private UUID insertRunningJob(String spool, int lastLine, int total, String node) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO import_job (id, status, format, "
                + "atomic, total, done, rejected, rejections, created_at, owner, charset, last_line, spool_path, node, heartbeat_at) "
                + "VALUES (?, 'RUNNING', 'csv', false, ?, ?, 0, '[]', now(), 'partner', 'UTF-8', ?, ?, ?, ?)")) {
            s.setObject(1, id);
            s.setInt(2, total);
            s.setInt(3, lastLine > 1 ? lastLine - 1 : 0);
            s.setInt(4, lastLine);
            s.setString(5, spool);
            s.setString(6, node);
            s.setTimestamp(7, Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
            s.executeUpdate();
        }
        return id;
    }

    private String status(UUID job) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT status FROM import_job WHERE id = ?")) {
            s.setObject(1, job);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private long count(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ndjsonProfile(String name, String code) {
        return "{\"name\":\"" + name + "\",\"creditCode\":\"" + code + "\",\"kind\":\"SME\",\"regionCode\":\"370211\"}";
    }
}

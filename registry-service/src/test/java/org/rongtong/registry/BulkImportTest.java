package org.rongtong.registry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rongtong.testing.Api;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class BulkImportTest {

    static final String HEADER = "name,creditCode,kind,tier,regionCode,chains,capabilities,willingness,contactName,contactPhone,contactEmail";

    static String row(String name, String code, String region, String email) {
        return String.join(",", name, code, "SME", "SPECIALIZED_SME", region, "HOME_APPLIANCES", "精密注塑;模具开发",
                "PRODUCT_SUPPORTING:STRONG", "王经理", "13800138000", email);
    }

    /** Lines 2 and 4 are good; line 3 has a bad code, line 5 an unknown region and a bad e-mail, line 6 repeats line 2. */
    static String mixedCsv(String goodA, String goodB) {
        return String.join("\n", HEADER,
                row("青岛精工模具有限公司", goodA, "370211", "a@example.cn"),
                row("烟台塑业有限公司", "91370602MA3C4LD29X", "370602", "b@example.cn"),
                row("潍坊精密部件有限公司", goodB, "370705", "c@example.cn"),
                row("济南某科技公司", TestData.creditCode("370102"), "379999", "not-an-email"),
                row("重复的公司", goodA, "370211", "d@example.cn")) + "\n";
    }

    /** No charset is appended to the Content-Type unless the test names one: the service honours a declared charset. */
    static final RestAssuredConfig AS_SENT = RestAssured.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    static Response upload(byte[] body, String contentType, String query) {
        return given().config(AS_SENT).auth().oauth2(DevTokens.partner()).contentType(contentType).body(body)
                .when().post("/api/v1/enterprises/imports" + query);
    }

    private static void assertMixedOutcome(Response response) {
        response.then().statusCode(200).contentType("application/json")
                .body("status", equalTo("COMPLETED")).body("total", equalTo(5)).body("done", equalTo(2)).body("rejected", equalTo(3))
                .body("rejections.line", equalTo(List.of(3, 5, 6)))
                .body("rejections[0].errors.field", hasItem("creditCode"))
                .body("rejections[1].errors.field", hasItem("regionCode"))
                .body("rejections[1].errors.field", hasItem("contacts[0].email"))
                .body("rejections[2].errors[0].message", equalTo("repeats line 2 of this file"))
                .body("registered.line", equalTo(List.of(2, 4))).body("registered.id.size()", equalTo(2));
    }

    @Test
    void aMixedUtf8CsvRegistersTheGoodRowsAndListsTheBadOnesByLine() {
        String a = TestData.creditCode("370211");
        String b = TestData.creditCode("370705");
        assertMixedOutcome(upload(mixedCsv(a, b).getBytes(StandardCharsets.UTF_8), "text/csv", ""));
        Api.asOperator().when().get("/api/v1/enterprises?q=精工模具&size=100")
                .then().statusCode(200).body("items.creditCode", hasItem(a));
    }

    @Test
    void theSameFileInGbkOrWithABomReadsTheSame() {
        assertMixedOutcome(upload(mixedCsv(TestData.creditCode("370211"), TestData.creditCode("370705")).getBytes(Charset.forName("GBK")),
                "text/csv", ""));
        byte[] text = mixedCsv(TestData.creditCode("370211"), TestData.creditCode("370705")).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Response response = upload(withBom, "text/csv", "");
        assertMixedOutcome(response);
        String firstId = Api.asOperator().when().get("/api/v1/enterprises?q=潍坊精密部件&size=100")
                .then().extract().path("items[0].name");
        assertEquals("潍坊精密部件有限公司", firstId);
    }

    @Test
    void atomicModeRegistersNothingWhenOneRowIsBad() {
        String a = TestData.creditCode("370211");
        upload(mixedCsv(a, TestData.creditCode("370705")).getBytes(StandardCharsets.UTF_8), "text/csv", "?atomic=true")
                .then().statusCode(200).body("done", equalTo(0)).body("rejected", equalTo(3));
        Api.asOperator().when().get("/api/v1/enterprises?q=" + "青岛精工模具" + "&size=100")
                .then().statusCode(200).body("items.creditCode", org.hamcrest.Matchers.not(hasItem(a)));

        String good = String.join("\n", HEADER, row("原子导入甲", TestData.creditCode("370211"), "370211", "x@example.cn"),
                row("原子导入乙", TestData.creditCode("370211"), "370211", "y@example.cn"));
        upload(good.getBytes(StandardCharsets.UTF_8), "text/csv", "?atomic=true")
                .then().statusCode(200).body("done", equalTo(2)).body("rejected", equalTo(0));
    }

    @Test
    void textWithEscapesAndCharactersBeyondTheBasicPlaneIsStoredExactly() {
        String description = "精密注塑 𠀋𩸽 \\ back\\slash, \"quotes\", a\ttab and\na new line";
        String row = "{\"name\":\"转义测试 𠀋 企业\",\"creditCode\":\"" + TestData.creditCode("370211")
                + "\",\"kind\":\"SME\",\"regionCode\":\"370211\",\"description\":"
                + "\"精密注塑 𠀋𩸽 \\\\ back\\\\slash, \\\"quotes\\\", a\\ttab and\\na new line\"}";
        String id = upload((row + "\n").getBytes(StandardCharsets.UTF_8), "application/x-ndjson", "")
                .then().statusCode(200).body("done", equalTo(1)).extract().path("registered[0].id");

        Api.asOperator().when().get("/api/v1/enterprises/" + id)
                .then().statusCode(200).body("name", equalTo("转义测试 𠀋 企业")).body("description", equalTo(description));
    }

    @Test
    void ndjsonRowsAreReadOnePerLine() {
        String ok = "{\"name\":\"NDJSON 企业\",\"creditCode\":\"" + TestData.creditCode("370211")
                + "\",\"kind\":\"SME\",\"regionCode\":\"370211\",\"capabilities\":[\"注塑\"]}";
        String badKind = "{\"name\":\"坏行\",\"creditCode\":\"" + TestData.creditCode("370211") + "\",\"kind\":\"GIANT\",\"regionCode\":\"370211\"}";
        upload((ok + "\n" + badKind + "\n").getBytes(StandardCharsets.UTF_8), "application/x-ndjson", "")
                .then().statusCode(200).body("done", equalTo(1)).body("rejections[0].line", equalTo(2))
                .body("rejections[0].errors[0].field", equalTo("kind"));
    }

    @Test
    void reSendingTheSameFileWithTheSameKeyImportsNothingTwice() {
        String csv = String.join("\n", HEADER, row("幂等导入", TestData.creditCode("370211"), "370211", "z@example.cn"));
        String key = UUID.randomUUID().toString();
        String first = given().config(AS_SENT).auth().oauth2(DevTokens.partner()).header("Idempotency-Key", key).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/enterprises/imports")
                .then().statusCode(200).body("done", equalTo(1)).extract().path("id");
        given().config(AS_SENT).auth().oauth2(DevTokens.partner()).header("Idempotency-Key", key).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/enterprises/imports")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(first)).body("done", equalTo(1));
        // keys are per caller: another caller reusing the key starts a job of its own, never gets this one back
        given().config(AS_SENT).auth().oauth2(DevTokens.partner("partner-b")).header("Idempotency-Key", key).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/enterprises/imports")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.not(equalTo(first))).body("owner", equalTo("partner-b"))
                .body("done", equalTo(0)).body("rejections[0].errors[0].field", equalTo("creditCode"));
        Api.asOperator().when().get("/api/v1/enterprises?q=幂等导入&size=100")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void aLargeImportRunsAsAJobThatReportsProgress() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 1500; i++) {
            csv.append(row("批量企业" + i, TestData.creditCode("370211"), "370211", "bulk" + i + "@example.cn")).append('\n');
        }
        String location = upload(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", "")
                .then().statusCode(202).body("total", equalTo(1500)).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                "COMPLETED".equals(Api.asPartner().when().get(location).then().extract().path("status")));
        Api.asPartner().when().get(location)
                .then().statusCode(200).body("done", equalTo(1500)).body("rejected", equalTo(0))
                .body("registered.size()", equalTo(1500)).body("registered[1499].line", equalTo(1501));
        Api.asPartner().when().get(location + "?registered=false")
                .then().statusCode(200).body("registered", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedNamingLineOne() {
        upload("foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv", "")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("line 1"));
        upload("kind,regionCode\nSME,370211\n".getBytes(StandardCharsets.UTF_8), "text/csv", "")
                .then().statusCode(400).body("errors[0].field", equalTo("line 1"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("at least name and creditCode"));
    }
}

package org.rongtong.matching;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EventTypes;
import org.rongtong.events.SessionSnapshot;
import org.rongtong.events.SessionStatus;
import org.rongtong.events.Topics;
import org.rongtong.events.Willingness;
import org.rongtong.testing.Api;
import org.rongtong.testing.ConsumerLag;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.RegistryEnterprise;
import org.rongtong.testing.TestJson;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The bureau dashboard's tables and the exports a bureau files (ADR 0027): a Xiamen (3502) chain leader's demand on
 * the marine chain with one candidate in Xiamen and one in Quanzhou (3505), a session held in Xiamen. Fujian (35) is
 * used by no other test of this service, so the counts are exact.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class BureauExportTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static UUID leader;
    private static UUID xiamen;
    private static UUID quanzhou;

    private static UUID announce(String name, EnterpriseKind kind, String region, List<String> capabilities) throws Exception {
        return RegistryEnterprise.of(kind, region).name(name).tier(kind == EnterpriseKind.SME ? "SPECIALIZED_SME" : null)
                .chains("MARINE_ECONOMY").capabilities(capabilities).willing(CooperationField.TECH_RND, Willingness.STRONG).publish();
    }

    @BeforeEach
    void aXiamenDemandWithCandidatesInXiamenAndQuanzhou() throws Exception {
        if (leader != null) {
            return;
        }
        String tag = "导出" + UUID.randomUUID().toString().substring(0, 4);
        leader = announce("厦门海洋装备集团", EnterpriseKind.CHAIN_LEADER, "350203", List.of("船舶总装"));
        xiamen = announce("厦门海检科技", EnterpriseKind.SME, "350206", List.of("水下机器人", tag));
        quanzhou = announce("泉州\"海\"测, 有限公司", EnterpriseKind.SME, "350502", List.of("水下机器人", tag));
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));
        DemandSnapshot demand = new DemandSnapshot(UUID.randomUUID(), 1, leader, CooperationField.TECH_RND, "MARINE_ECONOMY",
                "深海水下机器人联合研发", "寻求水下机器人研发合作", List.of("水下机器人", tag), List.of("35"), null, null,
                Instant.now().plusSeconds(30 * 86_400), DemandStatus.PUBLISHED, Instant.now(), Instant.now());
        TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(demand));
        String matches = "/api/v1/demands/" + demand.id() + "/matches";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asOperator()
                .when().get(matches).then().statusCode(200).body("size()", equalTo(2)));
        String match = Api.asOperator().when().get(matches).then().extract()
                .path("find { it.enterpriseId == '" + xiamen + "' }.id");
        Api.asEnterprise(xiamen).contentType(ContentType.JSON).body("{\"note\":\"仅双方可见的备注\"}")
                .when().post("/api/v1/matches/" + match + "/interest").then().statusCode(200);
        SessionSnapshot session = new SessionSnapshot(UUID.randomUUID(), 2, "海洋经济产业链专场", LocalDate.now(), "3502", "厦门",
                List.of("MARINE_ECONOMY"), List.of(leader), List.of(), SessionStatus.HELD, Instant.now(), Instant.now());
        TopicProbe.publish(Topics.SESSIONS, session.id().toString(), EventTypes.SESSION_HELD, JSON.writeValueAsString(session));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asBureau("35")
                .when().get("/api/v1/kpis?region=35").then().statusCode(200)
                .body("indicators.find { it.code == 'SESSIONS_HELD' }.value", equalTo(1.0f)));
    }

    @Test
    void theBreakdownCountsPerChainAndPerPrefectureOfTheBureausRegion() {
        Api.asBureau("35").when().get("/api/v1/kpis/breakdown?region=35").then().statusCode(200)
                .body("region", equalTo("35"))
                // Fujian's flagship chains in the sample set show even when empty
                .body("chains.chain", equalTo(List.of("MARINE_ECONOMY", "TEXTILES_APPAREL")))
                .body("chains[0].flagship", equalTo(true))
                .body("chains[0].demands", equalTo(1)).body("chains[0].matches", equalTo(2))
                .body("chains[0].answered", equalTo(1)).body("chains[0].cooperating", equalTo(0))
                .body("chains[0].sessionsHeld", equalTo(1))
                .body("chains[1].matches", equalTo(0))
                .body("prefectures.prefecture", equalTo(List.of("3502", "3505")))
                .body("prefectures[0].enterprises", equalTo(2)).body("prefectures[0].specialisedSmes", equalTo(1))
                .body("prefectures[0].engagedSmes", equalTo(1)).body("prefectures[0].demands", equalTo(1))
                .body("prefectures[0].sessionsHeld", equalTo(1))
                .body("prefectures[1].specialisedSmes", equalTo(1)).body("prefectures[1].engagedSmes", equalTo(0));
    }

    @Test
    void aCityBureauSeesItsCityOnlyAndNoOtherRegion() {
        // the demand was published in Xiamen: Quanzhou's bureau sees its own candidate's match, not the whole list
        Api.asBureau("3505").when().get("/api/v1/kpis/breakdown?region=3505").then().statusCode(200)
                .body("chains[0].matches", equalTo(1)).body("chains[0].demands", equalTo(0))
                .body("prefectures.prefecture", equalTo(List.of("3505")));
        for (String path : List.of("/api/v1/kpis/breakdown?region=35", "/api/v1/exports/kpis?region=35", "/api/v1/exports/matches?region=3502")) {
            Api.asBureau("3505").when().get(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void enterprisesAndPartnersGetNoneOfIt() {
        for (String token : List.of(DevTokens.enterprise(leader), DevTokens.partner(leader), DevTokens.enterprise(xiamen))) {
            for (String path : List.of("/api/v1/kpis/breakdown?region=35", "/api/v1/exports/kpis?region=35", "/api/v1/exports/matches?region=35")) {
                Api.as(token).when().get(path).then().statusCode(403);
            }
        }
        given().when().get("/api/v1/exports/matches?region=35").then().statusCode(401);
    }

    @Test
    void theMatchesExportIsAWorkbookWithChineseHeadersAndOnlyTheRegionsMatches() throws Exception {
        byte[] body = Api.asBureau("3505").when().get("/api/v1/exports/matches?region=3505&format=xlsx")
                .then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", equalTo("attachment; filename=\"rongtong-matches-3505.xlsx\""))
                .extract().asByteArray();
        Map<String, String> parts = unzip(body);
        assertTrue(parts.containsKey("[Content_Types].xml") && parts.containsKey("xl/workbook.xml"), parts.keySet().toString());
        assertTrue(parts.get("xl/workbook.xml").contains("name=\"对接匹配\""), parts.get("xl/workbook.xml"));
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        assertTrue(sheet.contains(">需求标题<") && sheet.contains(">候选企业<") && sheet.contains(">状态<"), sheet);
        assertTrue(sheet.contains("泉州&quot;海&quot;测, 有限公司") && sheet.contains("深海水下机器人联合研发") && sheet.contains(">已推荐<"), sheet);
        assertFalse(sheet.contains("厦门海检科技"), "Quanzhou's bureau sees not the Xiamen candidate of a Xiamen demand: " + sheet);
        assertFalse(sheet.contains("仅双方可见的备注"), "notes are the parties' own");
        assertEquals(3, sheet.split("<row ").length, "a header and one match: " + sheet);

        String whole = unzip(Api.asBureau("35").when().get("/api/v1/exports/matches?region=35")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray()).get("xl/worksheets/sheet1.xml");
        assertTrue(whole.contains("厦门海检科技") && whole.contains(">有意向<") && whole.contains(">技术研发<"), whole);

        String elsewhere = unzip(Api.asBureau("41").when().get("/api/v1/exports/matches?region=41")
                .then().statusCode(200).extract().asByteArray()).get("xl/worksheets/sheet1.xml");
        assertEquals(2, elsewhere.split("<row ").length, "another province's bureau gets the headers only: " + elsewhere);
    }

    @Test
    void theKpiReportExportIsCsvWithAByteOrderMarkAndThreeTables() {
        byte[] body = Api.asBureau("35").when().get("/api/v1/exports/kpis?region=350000&format=CSV")
                .then().statusCode(200).contentType("text/csv").extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3), "UTF-8 with a byte-order mark");
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals("指标", lines.get(0));
        assertTrue(lines.get(1).startsWith("指标代码,指标名称,当前值,分子,分母,目标值,是否达标"), lines.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("SESSIONS_HELD,对接活动场次,1.0,1,,50.0,否,")), csv);
        assertTrue(lines.contains("按产业链") && lines.contains("按地市"), csv);
        assertTrue(lines.contains("MARINE_ECONOMY,现代海洋,是,1,2,1,0,1"), csv);
        assertTrue(lines.contains("3502,2,1,1,0,1,1"), csv);
    }

    @Test
    void theKpiWorkbookHasOneSheetPerTable() throws Exception {
        Map<String, String> parts = unzip(Api.asOperator().when().get("/api/v1/exports/kpis?region=3502&format=xlsx")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray());
        assertTrue(parts.get("xl/workbook.xml").contains("name=\"指标\"") && parts.get("xl/workbook.xml").contains("name=\"按地市\""));
        assertTrue(parts.get("xl/worksheets/sheet1.xml").contains(">标志性产业链覆盖率<"));
        assertTrue(parts.get("xl/worksheets/sheet3.xml").contains(">3502<"));
    }

    @Test
    void badInputIsAProblemNamingTheParameter() {
        Api.asBureau("35").when().get("/api/v1/exports/kpis?region=35&format=pdf").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("format"));
        Api.asBureau("35").when().get("/api/v1/exports/matches?region=3x").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("region"));
        Api.asBureau("35").when().get("/api/v1/kpis/breakdown?region=35&year=1999").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("year"));
        Api.asBureau("35").when().get("/api/v1/exports/matches").then().statusCode(400)
                .body("errors.field", not(hasItem("format")));
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> parts = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }
}
